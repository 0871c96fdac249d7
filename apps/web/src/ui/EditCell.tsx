import { Button } from '@utrecht/button-react';
import { useTranslation } from 'react-i18next';
import { TableCell } from './Table.tsx';

/** The table cell with the "Edit" button of a row; its accessible name says which row ("Edit <name>"). */
export function EditCell({ name, onEdit }: { name: string; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <TableCell>
      <Button appearance="subtle-button" aria-label={t('common.editItem', { name })} onClick={onEdit}>
        {t('common.edit')}
      </Button>
    </TableCell>
  );
}
