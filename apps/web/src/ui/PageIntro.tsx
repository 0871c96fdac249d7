import type { ReactNode } from 'react';
import { Heading } from './Heading.tsx';
import { Paragraph } from './Paragraph.tsx';

/** The top of a page: its level-1 heading and the introduction, with anything `children` add. */
export function PageIntro({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children?: ReactNode;
}) {
  return (
    <div className="vd-stack">
      <Heading level={1}>{title}</Heading>
      <Paragraph>{intro}</Paragraph>
      {children}
    </div>
  );
}
