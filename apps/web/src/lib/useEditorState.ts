import { useRef, useState } from 'react';
import { focusLater } from './focus.ts';

export type EditorMode = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; id: string };

/**
 * Open/close state of a create-or-edit panel on a list page, with focus handling: opening moves
 * focus to the panel heading; closing moves it to `focusId` (for example the success message),
 * else back to the button that opened the panel, or to the "new" button when the opener is gone.
 */
export function useEditorState(headingId: string, openButtonId: string) {
  const [mode, setMode] = useState<EditorMode>({ kind: 'closed' });
  const opener = useRef<HTMLElement | null>(null);

  const open = (next: Exclude<EditorMode, { kind: 'closed' }>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMode(next);
    focusLater(headingId);
  };

  const close = (focusId?: string) => {
    setMode({ kind: 'closed' });
    const back = opener.current;
    if (focusId) focusLater(focusId);
    else if (back?.isConnected && back.id !== openButtonId) requestAnimationFrame(() => back.focus());
    else focusLater(openButtonId);
  };

  return { mode, open, close };
}
