import type { ReactNode } from 'react';
import { cx } from './cx.ts';
import { Heading } from './Heading.tsx';

export interface SectionProps {
  /** Id of the heading, which names the section. */
  headingId: string;
  title: ReactNode;
  /** Outline level of the heading: 2 for a part of the page, 3 or 4 for a part of a part. */
  level?: 2 | 3 | 4;
  /** A framed panel (`vd-panel`). */
  panel?: boolean;
  /** The heading can take focus, for moving focus to the section when it opens. */
  focusHeading?: boolean;
  children: ReactNode;
}

/** A section of a page, named by its heading (level 2 unless nested). */
export function Section({ headingId, title, level = 2, panel, focusHeading, children }: SectionProps) {
  return (
    <section className={cx(panel && 'vd-panel', 'vd-stack')} aria-labelledby={headingId}>
      <Heading level={level} id={headingId} tabIndex={focusHeading ? -1 : undefined}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
