import { foldText } from '../catalogue/index.ts';

/** Edit distance between two short words (for pairing a suggestion with the word it replaces). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * "Did you mean": each suggested word replaces the typed word it is closest to, so "lantarenpaal kapot"
 * becomes "lantaarnpaal kapot". Words the query already holds are no suggestion.
 */
export function suggestions(query: string, words: string[], max = 3): { word: string; query: string }[] {
  const typed = query.split(/\s+/).filter(Boolean);
  const folded = typed.map(foldText);
  const seen = new Set(folded);
  const out: { word: string; query: string }[] = [];
  for (const word of words) {
    const key = foldText(word);
    if (seen.has(key) || typed.length === 0) continue;
    seen.add(key);
    let best = 0;
    folded.forEach((w, i) => {
      if (distance(w, key) < distance(folded[best]!, key)) best = i;
    });
    out.push({ word, query: typed.map((w, i) => (i === best ? word : w)).join(' ') });
    if (out.length === max) break;
  }
  return out;
}
