import type { ReactNode } from 'react';
import { cx } from './cx.ts';
import { Heading } from './Heading.tsx';

export interface SectionProps {
  /** Id of the heading, which names the section. */
  headingId: string;
  title: ReactNode;
  /** A framed panel (`vd-panel`). */
  panel?: boolean;
  /** The heading can take focus, for moving focus to the section when it opens. */
  focusHeading?: boolean;
  children: ReactNode;
}

/** A section of a page, named by its level-2 heading. */
export function Section({ headingId, title, panel, focusHeading, children }: SectionProps) {
  return (
    <section className={cx(panel && 'vd-panel', 'vd-stack')} aria-labelledby={headingId}>
      <Heading level={2} id={headingId} tabIndex={focusHeading ? -1 : undefined}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
