import type { ReactNode } from 'react';
import { Code } from '../ui/Code.tsx';
import { Heading } from '../ui/Heading.tsx';
import { Paragraph } from '../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/Table.tsx';

/** One refused line of an imported file: its line number (when known), the column and what is wrong, in words. */
export interface RefusedRow {
  line?: number | undefined;
  field: string;
  problem: string;
}

/**
 * The lines an all-or-nothing import refused (nothing was stored): a heading the error summary can focus, the
 * count announced, and a table of line, column and problem. Shared by the data transfer and the waiting import.
 */
export function RowsRefused(props: {
  /** The section's id (the focus target after a refused import). */
  id: string;
  title: string;
  intro: string;
  caption: string;
  headers: { line: string; field: string; problem: string };
  rows: readonly RefusedRow[];
  /** More below the table (e.g. the request id). */
  children?: ReactNode;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section className="vd-stack" aria-labelledby={headingId} id={props.id} tabIndex={-1}>
      <Heading level={2} id={headingId}>
        {props.title}
      </Heading>
      <div role="alert">
        <Paragraph>{props.intro}</Paragraph>
      </div>
      <Table caption={props.caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{props.headers.line}</TableHeaderCell>
            <TableHeaderCell>{props.headers.field}</TableHeaderCell>
            <TableHeaderCell>{props.headers.problem}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: refused lines have no identity of their own.
            <TableRow key={i}>
              <TableCell>{row.line ?? '—'}</TableCell>
              <TableCell>
                <Code>{row.field}</Code>
              </TableCell>
              <TableCell>{row.problem}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.children}
    </section>
  );
}
