/** Move focus to an element after React has rendered it (a new form, a new row, a message). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => {
    document.getElementById(id)?.focus();
  });
}
