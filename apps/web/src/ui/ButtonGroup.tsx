import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** A row of buttons (`utrecht-button-group`). */
export function ButtonGroup({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div {...rest} className={cx('utrecht-button-group', className)} />;
}
