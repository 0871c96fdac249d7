import { useState } from 'react';
import { type EditorMode, useEditorState } from './useEditorState.ts';

export interface ListEditorIds {
  /** The editor panel's heading: focused when the panel opens. */
  heading: string;
  /** The "new …" button. */
  createButton: string;
  /** The success message: focused after a save. */
  notice: string;
}

/** What a list page passes to its create/edit form, besides the record and `onDone`. */
export interface EditorFormProps<T> {
  headingId: string;
  onDone: (item: T) => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * A list page with one create-or-edit panel (see useEditorState for the focus handling), a
 * success notice after a save, and "Reload" after a version conflict, which refetches and
 * starts the edit form over from the fresh record (`editKey` changes).
 */
export function useListEditor<T extends { id: string }>(
  ids: ListEditorIds,
  items: T[] | undefined,
  refetch: () => Promise<unknown>,
) {
  const editor = useEditorState(ids.heading, ids.createButton);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  const editId = editor.mode.kind === 'edit' ? editor.mode.id : null;
  const editing = editId ? items?.find((item) => item.id === editId) : undefined;

  const open = (mode: Exclude<EditorMode, { kind: 'closed' }>) => {
    setNotice(null);
    editor.open(mode);
  };
  const reload = async () => {
    await refetch();
    setReloads((n) => n + 1);
  };

  return {
    ids,
    mode: editor.mode.kind,
    notice,
    /** The record being edited, once it is loaded. */
    editing,
    /** Whether the form is shown: creating, or editing a loaded record. */
    isOpen: editor.mode.kind === 'create' || editing !== undefined,
    /** Key for the form: another record, or "Reload", starts it over. */
    formKey: editing ? `${editing.id}:${reloads}` : 'create',
    openCreate: () => open({ kind: 'create' }),
    openEdit: (item: T) => open({ kind: 'edit', id: item.id }),
    /** Props for the form, but `onDone`. */
    formProps: {
      headingId: ids.heading,
      onCancel: () => editor.close(),
      onReload: () => void reload(),
    } satisfies Omit<EditorFormProps<T>, 'onDone'>,
    /** After a save: show `message` and move focus to it. */
    done: (message: string) => {
      setNotice(message);
      editor.close(ids.notice);
    },
  };
}

export type ListEditor<T extends { id: string }> = ReturnType<typeof useListEditor<T>>;
