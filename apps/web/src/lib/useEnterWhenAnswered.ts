import { useEffect, useState } from 'react';

/**
 * Enter in a find-as-you-type box (a combobox whose answer comes after a debounce and a request).
 * `enter()` acts at once when the list on screen answers what is typed now (`answered`); pressed
 * earlier — a fast typist, or a previous answer still on screen — it waits for that answer and then
 * acts on it, so the key is never lost and never picks from a list meant for other words. Typing on,
 * or a failed request, forgets the waiting Enter.
 */
export function useEnterWhenAnswered(typed: string, answered: boolean, failed: boolean, act: () => void) {
  const [waiting, setWaiting] = useState<string | null>(null);

  useEffect(() => {
    if (waiting === null) return;
    if (waiting !== typed || failed) setWaiting(null);
    else if (answered) {
      setWaiting(null);
      act();
    }
  });

  return () => {
    if (answered) act();
    else setWaiting(typed);
  };
}
