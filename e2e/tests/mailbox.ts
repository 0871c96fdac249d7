import { expect } from '@playwright/test';

/** What the SMTP sink (e2e/smtp-sink.ts) kept: the residents' mailbox. */
export interface Mail {
  to: string[];
  from: string | null;
  subject: string;
  text: string;
  messageId: string | null;
  receivedAt: string;
}

const SINK = `http://127.0.0.1:${process.env.E2E_SMTP_HTTP_PORT ?? 3212}`;

/** Every message the sink accepted so far, oldest first. */
export async function mailbox(): Promise<Mail[]> {
  const response = await fetch(`${SINK}/messages`);
  expect(response.ok).toBe(true);
  return (await response.json()) as Mail[];
}

/**
 * The one message to `to` whose subject contains every one of `subject`, once it has arrived (the outbox
 * sends within seconds). Fails when none arrives, or when more than one does (a message sent twice).
 */
export async function waitForMail(to: string, subject: string[], timeout = 20_000): Promise<Mail> {
  const matching = async () =>
    (await mailbox()).filter(
      (m) => m.to.includes(to.toLowerCase()) && subject.every((part) => m.subject.includes(part)),
    );
  await expect
    .poll(async () => (await matching()).length, {
      message: `an email to ${to} about “${subject.join('”, “')}”`,
      timeout,
    })
    .toBeGreaterThan(0);
  const found = await matching();
  expect(found, `exactly one email to ${to} about “${subject.join('”, “')}”`).toHaveLength(1);
  return found[0]!;
}
