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

/** Header block and body of a raw message; folded header lines are joined. */
function split(raw: string) {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers[last] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers[last] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** The text/plain part of a message (the first one, in a multipart message). */
function plainText(headers: Record<string, string>, body: string): string {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return decodeBody(body, headers['content-transfer-encoding']);
  for (const part of body.split(`--${boundary}`)) {
    const { headers: partHeaders, body: partBody } = split(part.replace(/^\r?\n/, ''));
    if (/^text\/plain/i.test(partHeaders['content-type'] ?? 'text/plain') && partBody.trim())
      return decodeBody(partBody, partHeaders['content-transfer-encoding']);
  }
  return '';
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const { headers, body } = split(Buffer.concat(chunks).toString('utf8'));
      messages.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        subject: decodeWords(headers.subject ?? ''),
        text: plainText(headers, body).replace(/\r\n/g, '\n'),
        messageId: headers['message-id'] ?? null,
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
