import type { Contact } from '@voordeur/shared';
import { useCallback, useEffect, useRef } from 'react';

/** How long typing must pause before the notes are saved on the contact. */
const SAVE_AFTER_MS = 800;
const draftKey = (contactId: string) => `voordeur.workspace.notes.${contactId}`;

/**
 * The notes as last typed for a contact, kept in this tab only (sessionStorage ends with the tab), so a reload
 * within the save delay loses nothing. Null when there is none or storage is unavailable.
 */
export function readNotesDraft(contactId: string): string | null {
  try {
    return sessionStorage.getItem(draftKey(contactId));
  } catch {
    return null;
  }
}

export function clearNotesDraft(contactId: string) {
  try {
    sessionStorage.removeItem(draftKey(contactId));
  } catch {
    // Nothing was kept.
  }
}

function writeNotesDraft(contactId: string, notes: string) {
  try {
    sessionStorage.setItem(draftKey(contactId), notes);
  } catch {
    // Not kept in this tab; the save on the server still follows.
  }
}

/**
 * Keeps the agent's notes of the open contact on the server, as the contact's answer (what they become when the
 * contact is closed as answered, referred or not helped), once typing pauses and when the workspace is left.
 * So the notes survive going to another page and a reload. `save` queues the change on the contact session.
 */
export function useContactNotes(
  contact: Contact | null,
  notes: string,
  save: (contactId: string, notes: string) => Promise<unknown>,
) {
  const pending = useRef<{ contactId: string; notes: string } | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(() => {
    const next = pending.current;
    pending.current = null;
    if (next) void saveRef.current(next.contactId, next.notes).catch(() => undefined);
  }, []);

  const contactId = contact?.id ?? null;
  const stored = contact?.answer ?? '';
  useEffect(() => {
    if (!contactId) return;
    writeNotesDraft(contactId, notes);
    if (notes.trim() === stored) {
      pending.current = null;
      return;
    }
    pending.current = { contactId, notes };
    const timer = window.setTimeout(flush, SAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [contactId, notes, stored, flush]);

  // Leaving the workspace saves what was typed since the last pause.
  useEffect(() => flush, [flush]);

  /** Forget unsaved notes: the contact is being closed with them (or without). */
  const cancel = () => {
    pending.current = null;
  };
  return { cancel };
}
