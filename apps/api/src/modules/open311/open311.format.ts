import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError, ErrorDialect } from '../../plugins/errors.ts';

/**
 * GeoReport v2's two formats. JSON follows the spec's Spark convention of its XML: a list is the XML's repeated
 * element without its wrapper (`<services><service>…` is `[{…}]`). XML is schemaless, without namespace, UTF-8
 * with its declaration; an empty value is an empty element.
 */
export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

/** Characters XML 1.0 cannot carry at all, even escaped (control characters other than tab and line breaks). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * `null` leaves as an empty element; text loses the characters XML cannot carry (the builder escapes the rest);
 * lists are wrapped by the caller (see {@link xmlDocument}).
 */
function xmlValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.map(xmlValue);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlValue(v)]));
  return value;
}

/** An XML document with its declaration: `{ root: tree }`. */
export function xmlDocument(root: string, tree: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: xmlValue(tree) })}`;
}

/** Sends a list: JSON as the array, XML as `<root><item>…</item>…</root>`. */
export function sendList(
  reply: FastifyReply,
  format: Format,
  root: string,
  item: string,
  list: object[],
  xmlOf?: (x: object) => object,
) {
  reply.type(CONTENT_TYPES[format]);
  if (format === 'json') return reply.send(JSON.stringify(list));
  return reply.send(xmlDocument(root, { [item]: xmlOf ? list.map(xmlOf) : list }));
}

/** Sends one document: JSON as the object, XML under `root` (with its lists wrapped by `xmlOf`). */
export function sendDocument(
  reply: FastifyReply,
  format: Format,
  root: string,
  doc: object,
  xmlOf?: (x: object) => object,
) {
  reply.type(CONTENT_TYPES[format]);
  if (format === 'json') return reply.send(JSON.stringify(doc));
  return reply.send(xmlDocument(root, xmlOf ? xmlOf(doc) : doc));
}

/** The format a URL asks for by its extension (`.json`, `.xml`); XML, the spec's required one, otherwise. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/**
 * The HTTP status GeoReport allows: 404 for what does not exist, 403 for a missing or wrong api_key, 400 for
 * every other refusal. A rate limit (429) and a failure of ours (500) keep their own, which every HTTP client
 * understands.
 */
export function open311Status(status: number): number {
  if (status === 404 || status === 429 || status >= 500) return status;
  if (status === 401 || status === 403) return 403;
  return 400;
}

/** Field names of the intake (`answers.x`) as the client sent them (`attribute[x]`). */
const clientField = (field: string) =>
  field.startsWith('answers.') ? `attribute[${field.slice('answers.'.length)}]` : field;

/** The spec's error list for one of our errors: one entry per field problem, else one for the whole. */
export function errorItems(e: AppError): Open311ErrorItem[] {
  const code = open311Status(e.status);
  if (e.errors?.length)
    return e.errors.map((f) => ({ code, description: `${clientField(f.field)}: ${f.message}` }));
  return [{ code, description: e.detail ?? e.title }];
}

/** Every error under /open311/ leaves in the spec's format (ADR 0028), in the format the URL asked for. */
export const open311Dialect: ErrorDialect = {
  prefix: '/open311/',
  send(request: FastifyRequest, reply: FastifyReply, e: AppError) {
    const format = formatOfUrl(request.url);
    reply.status(open311Status(e.status));
    return sendList(reply, format, 'errors', 'error', errorItems(e));
  },
};
