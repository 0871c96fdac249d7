import type { ReactNode } from 'react';
import { Alert } from './Alert.tsx';
import { Paragraph } from './Paragraph.tsx';

export interface NoticeProps {
  /** With an id the notice can take focus, so focus can move to it after an action. */
  id?: string;
  type?: 'ok' | 'warning';
  children: ReactNode;
}

/** A one-sentence message announced politely (`role="status"`): a confirmation by default. */
export function Notice({ id, type = 'ok', children }: NoticeProps) {
  return (
    <Alert type={type} role="status" id={id} tabIndex={id ? -1 : undefined}>
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
