import type { ComponentProps } from 'react';
import { cx } from './cx.ts';

export interface TextareaProps extends ComponentProps<'textarea'> {
  invalid?: boolean;
}

/** Native textarea styled as NL Design System textarea (`utrecht-textarea`). */
export function Textarea({ invalid, className, ...rest }: TextareaProps) {
  return (
    <textarea
      {...rest}
      aria-invalid={invalid || undefined}
      className={cx(
        'utrecht-textarea',
        'utrecht-textarea--html-textarea',
        invalid && 'utrecht-textarea--invalid',
        className,
      )}
    />
  );
}
