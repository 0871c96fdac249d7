import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3 | 4;
}

/** NL Design System heading; the level is the document outline level, the look follows it. */
export function Heading({ level, className, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag {...rest} className={cx(`utrecht-heading-${level}`, className)} />;
}
