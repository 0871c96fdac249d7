import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The shortcuts, in the order of a contact. Alt + a letter: free in browsers and screen readers alike. */
const SHORTCUTS = [
  { keys: 'Alt+N', code: 'KeyN', label: 'workspace.shortcuts.new' },
  { keys: 'Alt+A', code: 'KeyA', label: 'workspace.shortcuts.anonymous' },
  { keys: 'Alt+S', code: 'KeyS', label: 'workspace.shortcuts.search' },
  { keys: 'Alt+B', code: 'KeyB', label: 'workspace.shortcuts.answered' },
  { keys: 'Alt+Z', code: 'KeyZ', label: 'workspace.shortcuts.case' },
  { keys: 'Alt+T', code: 'KeyT', label: 'workspace.shortcuts.callback' },
] as const;
export type ShortcutCode = (typeof SHORTCUTS)[number]['code'];

/**
 * Runs `actions[code]` on Alt + that key anywhere on the page (and nothing with Ctrl, Meta or Shift held).
 * The latest actions are used, without listening again on every render.
 */
export function useShortcuts(actions: Record<ShortcutCode, () => void>) {
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const action = actionsRef.current[event.code as ShortcutCode];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The list of shortcuts, always on screen. */
export function ShortcutList() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="workspace-shortcuts" className="vd-workspace__shortcuts">
      <h2 id="workspace-shortcuts" className="vd-workspace__shortcuts-title">
        {t('workspace.shortcuts.title')}
      </h2>
      <ul className="vd-inline-links">
        {SHORTCUTS.map((shortcut) => (
          <li key={shortcut.code}>
            <kbd className="vd-kbd">{shortcut.keys}</kbd> {t(shortcut.label)}
          </li>
        ))}
      </ul>
    </section>
  );
}
