import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx.ts';

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role'> {
  type: 'info' | 'ok' | 'warning' | 'error';
  /**
   * `alert` interrupts the screen reader (errors), `status` is polite (confirmations),
   * `none` for alerts that are part of the page from the start.
   */
  role?: 'alert' | 'status' | 'none';
  children: ReactNode;
}

/** NL Design System alert (`utrecht-alert`). */
export function Alert({ type, role = 'none', className, children, ...rest }: AlertProps) {
  return (
    <div
      {...rest}
      role={role === 'none' ? undefined : role}
      className={cx('utrecht-alert', `utrecht-alert--${type}`, 'vd-alert', className)}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
