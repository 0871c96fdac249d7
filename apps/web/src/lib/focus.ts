/**
 * Move focus to an element once React has rendered it (a new form, a new row, a message).
 * State updates from async callbacks may commit a frame or two later, so look for a few frames.
 */
export function focusLater(id: string, framesLeft = 10): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (framesLeft > 0) focusLater(id, framesLeft - 1);
  });
}
