import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

export interface ParagraphProps extends HTMLAttributes<HTMLParagraphElement> {
  appearance?: 'lead' | 'small';
}

export function Paragraph({ appearance, className, ...rest }: ParagraphProps) {
  return (
    <p
      {...rest}
      className={cx('utrecht-paragraph', appearance && `utrecht-paragraph--${appearance}`, className)}
    />
  );
}
