import type { HTMLAttributes, LiHTMLAttributes } from 'react';
import { cx } from './cx.ts';

export function UnorderedList({ className, ...rest }: HTMLAttributes<HTMLUListElement>) {
  return <ul {...rest} className={cx('utrecht-unordered-list', className)} />;
}

export function UnorderedListItem({ className, ...rest }: LiHTMLAttributes<HTMLLIElement>) {
  return <li {...rest} className={cx('utrecht-unordered-list__item', className)} />;
}
