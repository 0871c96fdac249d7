import { Button } from '@utrecht/button-react';
import type { ReactNode } from 'react';
import type { ListEditor } from './useListEditor.ts';

/** The "new …" button of a list page (see useListEditor); shown while the editor is closed. */
export function CreateButton<T extends { id: string }>({
  editor,
  children,
}: {
  editor: ListEditor<T>;
  children: ReactNode;
}) {
  if (editor.mode !== 'closed') return null;
  return (
    <div>
      <Button id={editor.ids.createButton} appearance="primary-action-button" onClick={editor.openCreate}>
        {children}
      </Button>
    </div>
  );
}
