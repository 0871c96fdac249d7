import { Button } from '@utrecht/button-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusLater } from '../../lib/focus.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';

/** Move a row from one place to another. */
export function moveRow<T>(rows: T[], from: number, to: number): T[] {
  const next = [...rows];
  const [row] = next.splice(from, 1);
  if (row !== undefined) next.splice(to, 0, row);
  return next;
}

/** Replace part of one row. */
export const patchRow = <T,>(rows: T[], index: number, patch: Partial<T>): T[] =>
  rows.map((row, i) => (i === index ? { ...row, ...patch } : row));

export interface RowActionsProps {
  /** Id prefix of the row's buttons, by index (`cat-intakeFields-2` → `cat-intakeFields-2-up`). */
  idOf: (index: number) => string;
  index: number;
  count: number;
  /** The row, as its legend names it ("Veld 3"), for the buttons' accessible names. */
  name: string;
  /** Where focus goes after the row is removed (the add button). */
  afterRemoveId: string;
  /** Without it the row has no up/down buttons (transitions). */
  onMove?: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/**
 * Up, down and remove for one row of an ordered list. The buttons say which row they act on; focus follows
 * the row that moved, and goes to the add button when it is removed.
 */
export function RowActions({ idOf, index, count, name, afterRemoveId, onMove, onRemove }: RowActionsProps) {
  const { t } = useTranslation();
  const move = (to: number) => {
    onMove?.(index, to);
    // At the top the "up" button is gone; at the bottom "down" is: focus the one that is there.
    const up = to > 0;
    const down = to < count - 1;
    focusLater(`${idOf(to)}-${(to < index ? up : !down) ? 'up' : 'down'}`);
  };
  return (
    <ButtonGroup className="vd-row__actions">
      {onMove && index > 0 ? (
        <Button
          id={`${idOf(index)}-up`}
          appearance="secondary-action-button"
          aria-label={t('catalogueAdmin.moveUp', { name })}
          onClick={() => move(index - 1)}
        >
          {t('catalogueAdmin.up')}
        </Button>
      ) : null}
      {onMove && index < count - 1 ? (
        <Button
          id={`${idOf(index)}-down`}
          appearance="secondary-action-button"
          aria-label={t('catalogueAdmin.moveDown', { name })}
          onClick={() => move(index + 1)}
        >
          {t('catalogueAdmin.down')}
        </Button>
      ) : null}
      <Button
        appearance="secondary-action-button"
        aria-label={t('catalogueAdmin.removeRow', { name })}
        onClick={() => {
          onRemove(index);
          focusLater(afterRemoveId);
        }}
      >
        {t('common.remove')}
      </Button>
    </ButtonGroup>
  );
}

export interface RowListProps {
  level: 3 | 4;
  headingId: string;
  title: string;
  intro: string;
  /** Said when there are no rows yet. */
  empty: string | null;
  /** The add button: its id (focus returns here after a removal), its text, and what it adds. */
  add: { id: string; label: string; onAdd: () => void; focusId: string };
  /** The rows. */
  children: ReactNode;
  /** What follows the add button (the transitions, under the statuses). */
  after?: ReactNode;
}

/**
 * A titled list of rows with its introduction, an "empty" line, and the add button, which moves focus to
 * the new row's first field.
 */
export function RowList({ level, headingId, title, intro, empty, add, children, after }: RowListProps) {
  return (
    <Section level={level} headingId={headingId} title={title} focusHeading>
      <Paragraph>{intro}</Paragraph>
      {empty ? <Paragraph>{empty}</Paragraph> : null}
      {children}
      <div>
        <Button
          id={add.id}
          appearance="secondary-action-button"
          onClick={() => {
            add.onAdd();
            focusLater(add.focusId);
          }}
        >
          {add.label}
        </Button>
      </div>
      {after}
    </Section>
  );
}
