/**
 * Words as search and find-as-you-type compare them. Shared infrastructure: the search index and the customer
 * register's name lookup both use it, and neither module should import the other for it.
 */

/** Distinct lower-case, accent-free words of at least `minLength` letters. */
export function normalisedWords(text: string, minLength: number): string[] {
  return [
    ...new Set(
      text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= minLength && w.length <= 40),
    ),
  ];
}
