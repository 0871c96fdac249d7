import { cx } from './cx.ts';

export function Separator({ className }: { className?: string }) {
  return <hr className={cx('utrecht-separator', className)} />;
}
