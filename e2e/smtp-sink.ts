/**
 * The residents' mailbox for the end-to-end tests: a real SMTP server (smtp-server) that keeps every message it
 * accepts, and a small HTTP side to read them back. Playwright starts it as a web server next to Voordeur, which
 * sends to it through `SMTP_URL`.
 *
 *   GET /readyz    200 once both ports listen
 *   GET /messages  [{ to, from, subject, text, messageId, receivedAt }], oldest first
 *
 * Run: `tsx e2e/smtp-sink.ts` (ports from SMTP_SINK_PORT, default 2526, and SMTP_SINK_HTTP_PORT, default 3212).
 */
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  /** Recipients from the envelope (RCPT TO), lower case. */
  to: string[];
  from: string | null;
  subject: string;
  /** The plain-text body, quoted-printable or base64 undone. */
  text: string;
  messageId: string | null;
  receivedAt: string;
}

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2526);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3212);
const messages: SinkMessage[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', async () => {
      const parsed = await simpleParser(Buffer.concat(chunks));
      messages.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        subject: parsed.subject ?? '',
        text: (parsed.text ?? '').replace(/\r\n/g, '\n'),
        messageId: parsed.messageId ?? null,
        receivedAt: new Date().toISOString(),
      });
      callback(null, `OK: kept as ${messages.length}`);
    });
  },
});
smtp.on('error', (error) => process.stderr.write(`smtp sink: ${String(error)}\n`));

const http = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method === 'GET' && path === '/readyz') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  } else if (request.method === 'GET' && path === '/messages') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
  } else {
    response.writeHead(404).end();
  }
});

smtp.listen(smtpPort, '127.0.0.1', () => {
  http.listen(httpPort, '127.0.0.1', () =>
    process.stdout.write(`smtp sink: SMTP on ${smtpPort}, messages on http://127.0.0.1:${httpPort}\n`),
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    http.close();
    smtp.close(() => process.exit(0));
  });
}
