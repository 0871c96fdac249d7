import { Button } from '@utrecht/button-react';
import type { ReactNode } from 'react';

/** The primary submit button of a form; while `busy` it says so and cannot be pressed again. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
      {children}
    </Button>
  );
}
