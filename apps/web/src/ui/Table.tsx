import {
  type HTMLAttributes,
  type ReactNode,
  type TdHTMLAttributes,
  type ThHTMLAttributes,
  useId,
} from 'react';
import { cx } from './cx.ts';

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** Every table has a caption: it names the table and the scrollable region around it. */
  caption: ReactNode;
  /** Hide the caption visually when a heading right above already says the same. */
  captionHidden?: boolean;
  children: ReactNode;
}

/**
 * NL Design System table (`utrecht-table`) in a container that scrolls sideways on narrow
 * screens. The container is focusable so keyboard users can scroll it too; it is a named group,
 * not a landmark, so it never duplicates the section it sits in.
 */
export function Table({ caption, captionHidden, className, children, ...rest }: TableProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset: there is no form here.
    <div className="vd-table-container" role="group" aria-labelledby={captionId} tabIndex={0}>
      <table {...rest} className={cx('utrecht-table', 'utrecht-table--html-table', className)}>
        <caption
          id={captionId}
          className={cx('utrecht-table__caption', captionHidden && 'vd-visually-hidden')}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...rest} className={cx('utrecht-table__header', className)} />;
}

export function TableBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...rest} className={cx('utrecht-table__body', className)} />;
}

export function TableRow({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...rest} className={cx('utrecht-table__row', className)} />;
}

/** Header cell; `scope` defaults to `col`. Use `scope="row"` for the first cell of a body row. */
export function TableHeaderCell({
  className,
  scope = 'col',
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th {...rest} scope={scope} className={cx('utrecht-table__header-cell', className)} />;
}

export function TableCell({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...rest} className={cx('utrecht-table__cell', className)} />;
}
