import type { ComponentProps } from 'react';
import { cx } from './cx.ts';

export interface SelectProps extends ComponentProps<'select'> {
  invalid?: boolean;
}

/** Native select styled as NL Design System select (`utrecht-select`). */
export function Select({ invalid, className, ...rest }: SelectProps) {
  return (
    <select
      {...rest}
      aria-invalid={invalid || undefined}
      className={cx(
        'utrecht-select',
        'utrecht-select--html-select',
        invalid && 'utrecht-select--invalid',
        className,
      )}
    />
  );
}
