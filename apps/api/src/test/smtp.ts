/**
 * An in-process SMTP server for tests (smtp-server): collects what it accepts, can go down (connection refused)
 * and come back on the same port, answer DATA with a 4xx or 5xx, and hold its answer to DATA for a while.
 *
 * Like a real MTA, it takes a message (counts it in `messages`) only when it actually answers 250 on a
 * connection that is still open: a client that vanishes while it waits has not delivered anything.
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { freePort } from '../../../../scripts/pg-cluster.ts';

export interface ReceivedMail {
  /** The Message-ID header, e.g. `<uuid@voordeur>`. */
  messageId: string | null;
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** Header names in lower case, folded lines joined. */
  headers: Record<string, string>;
  /** The plain-text body, decoded (mailparser). */
  text: string;
  raw: string;
}

export interface SmtpReply {
  code: number;
  message: string;
}

export interface TestSmtp {
  readonly port: number;
  readonly url: string;
  /** Messages answered with 250, in order. */
  readonly messages: ReceivedMail[];
  /** Messages answered with an error (they were not taken). */
  readonly refused: ReceivedMail[];
  /** Messages whose client was gone by the time the server answered (not taken). */
  readonly abandoned: ReceivedMail[];
  /** How long the answer to DATA is held back. */
  dataDelayMs: number;
  /** Messages that are in and wait for their (held) answer right now. */
  readonly holding: number;
  /** When the server last answered 250 to a message (ms since the epoch; 0: never). */
  readonly lastAcceptedAt: number;
  /** The answer to DATA for a message; nothing (or a 2xx) to accept it. */
  replyTo: (mail: ReceivedMail) => SmtpReply | undefined;
  /** Emits 'waiting' (mail) when a message is in and its answer is being held, 'message' when one is taken. */
  readonly events: EventEmitter;
  isUp(): boolean;
  /** Stops listening and drops every open connection: clients get "connection refused" until `up()`. */
  down(): Promise<void>;
  /** Listens again, on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
  /** Waits until `predicate` holds (checked every 20 ms). */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
}

/** Header lines of a parsed message by lower-case name, folded lines joined (the raw values, undecoded). */
export function headerRecord(parsed: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    parsed.headerLines.map((h) => [
      h.key,
      h.line
        .slice(h.line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    ]),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startTestSmtp(options: { port?: number; down?: boolean } = {}): Promise<TestSmtp> {
  const port = options.port ?? (await freePort());
  const closedSessions = new Set<string>();
  const events = new EventEmitter();
  let server: SMTPServer | undefined;
  let sockets = new Set<Socket>();

  const state: TestSmtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages: [],
    refused: [],
    abandoned: [],
    dataDelayMs: 0,
    holding: 0,
    lastAcceptedAt: 0,
    replyTo: () => undefined,
    events,
    isUp: () => server !== undefined,
    down,
    up,
    close: down,
    async waitFor(predicate, timeoutMs = 20_000, what = 'condition') {
      const until = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await sleep(20);
      }
    },
  };

  const mutable = state as { holding: number; lastAcceptedAt: number };

  async function receive(raw: string, session: SMTPServerSession): Promise<ReceivedMail> {
    const parsed = await simpleParser(raw);
    const address = (a: { address: string } | false) => (a ? a.address : null);
    return {
      messageId: parsed.messageId ?? null,
      envelopeFrom: address(session.envelope.mailFrom),
      envelopeTo: session.envelope.rcptTo.map((r) => r.address),
      headers: headerRecord(parsed),
      text: parsed.text ?? '',
      raw,
    };
  }

  function create() {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const mail = await receive(Buffer.concat(chunks).toString('utf8'), session);
          if (state.dataDelayMs > 0) {
            mutable.holding++;
            events.emit('waiting', mail);
            await sleep(state.dataDelayMs);
            mutable.holding--;
          }
          if (closedSessions.has(session.id)) {
            // The client hung up while we held the answer: nothing was delivered.
            state.abandoned.push(mail);
            callback(new Error('client gone'));
            return;
          }
          const reply = state.replyTo(mail);
          if (reply && reply.code >= 400) {
            state.refused.push(mail);
            callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
            return;
          }
          state.messages.push(mail);
          mutable.lastAcceptedAt = Date.now();
          events.emit('message', mail);
          callback(null, `OK: queued as ${state.messages.length}`);
        });
      },
      onClose(session) {
        closedSessions.add(session.id);
      },
    });
    smtp.on('error', () => {});
    smtp.server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return smtp;
  }

  async function up() {
    if (server) return;
    const smtp = create();
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(port, '127.0.0.1', () => {
        smtp.server.off('error', reject);
        resolve();
      });
    });
    server = smtp;
  }

  async function down() {
    const smtp = server;
    if (!smtp) return;
    server = undefined;
    const closed = new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    sockets = new Set();
    await closed;
  }

  if (!options.down) await up();
  return state;
}
