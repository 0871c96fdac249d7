import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

/** Page footer (`utrecht-page-footer`); renders `<footer>`, the contentinfo landmark. */
export function PageFooter({ className, children, ...rest }: HTMLAttributes<HTMLElement>) {
  return (
    <footer {...rest} className={cx('utrecht-page-footer', className)}>
      <div className="utrecht-page-footer__content">{children}</div>
    </footer>
  );
}
