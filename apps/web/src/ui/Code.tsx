import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

export function Code({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <code {...rest} className={cx('utrecht-code', className)} />;
}
