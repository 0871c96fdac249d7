/**
 * How a notification leaves: by email over SMTP (nodemailer), kept in the dev mailbox when no mail server is
 * configured, or by SMS — for which there is no provider yet, and which therefore fails openly.
 */
import { createTransport } from 'nodemailer';
import type { Config } from '../../config.ts';
import { errorText } from '../../platform/jobs.ts';

/** The parts of a `notification` row a transport needs. */
export interface OutgoingNotification {
  id: string;
  channel: string;
  recipient: string;
  recipientName: string | null;
  language: string;
  subject: string;
  body: string;
  /** `<uuid@voordeur>`, the same on every attempt. */
  messageId: string;
  /** The organisation's sender ("Naam <adres>"); null: the configured SMTP_FROM. */
  from?: string | null;
}

export type SendResult =
  | {
      accepted: true;
      /** smtp: handed to the mail server; mailbox: kept in the dev mailbox, never left Voordeur. */
      via: 'smtp' | 'mailbox';
      response?: string;
    }
  | {
      accepted: false;
      /** Trying again will not help (a 5xx rejection, an invalid address, no provider). */
      permanent: boolean;
      /** The receiving mail server refused the message (an SMTP 5xx reply): the notification bounced. */
      bounced: boolean;
      error: string;
      responseCode?: number;
    };

export interface Transport {
  send(notification: OutgoingNotification): Promise<SendResult>;
}

export interface NotificationTransports {
  email: Transport;
  sms: Transport;
}

/** Without SMTP_URL: the message is accepted and stays where it is — the `notification` table is the mailbox. */
export const devMailbox: Transport = {
  async send() {
    return { accepted: true, via: 'mailbox' };
  },
};

/** No SMS provider is integrated yet: an SMS notification fails permanently, and says why. */
export const noSmsProvider: Transport = {
  async send() {
    return { accepted: false, permanent: true, bounced: false, error: 'no SMS provider configured' };
  },
};

interface MailerError {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
  command?: string;
}

/**
 * Email over SMTP, from the organisation's sender or else `from` (SMTP_FROM). The Message-ID is the row's, so a retried message carries the same one and a receiver
 * (or its mail server) can drop a repeat. A 5xx reply to the envelope or the message is a bounce; every other
 * failure (no connection, a timeout, a 4xx, a failed login) is worth retrying.
 */
export function smtpTransport(url: string, from: string): Transport {
  const mailer = createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  return {
    async send(n) {
      try {
        const info = await mailer.sendMail({
          from: n.from ?? from,
          to: n.recipientName ? { name: n.recipientName, address: n.recipient } : n.recipient,
          subject: n.subject,
          text: n.body,
          messageId: n.messageId,
          headers: { 'Content-Language': n.language, 'Auto-Submitted': 'auto-generated' },
        });
        return { accepted: true, via: 'smtp', response: String(info.response ?? '') };
      } catch (error) {
        const e = error as MailerError;
        const rejected = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
        const fiveXx = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
        // nodemailer 10 classifies reply codes itself (503 is not permanent); older versions do not.
        const permanentReply = e.permanent ?? (fiveXx && e.responseCode !== 503);
        const bounced = rejected && typeof e.responseCode === 'number' && permanentReply;
        // A recipient nodemailer refuses before talking to the server (not an address) will not get better.
        const invalidAddress = e.code === 'EENVELOPE' && e.command === 'API';
        return {
          accepted: false,
          permanent: bounced || invalidAddress,
          bounced,
          error: errorText(error),
          ...(e.responseCode ? { responseCode: e.responseCode } : {}),
        };
      }
    },
  };
}

/** The transports the configuration asks for: SMTP when SMTP_URL is set, the dev mailbox otherwise. */
export function notificationTransports(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): NotificationTransports {
  return {
    email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.smtpFrom) : devMailbox,
    sms: noSmsProvider,
  };
}
