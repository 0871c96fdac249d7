import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@voordeur/db';
import {
  ATTACHMENT_TYPES,
  CASE_LIMITS,
  type CatalogueItemDefinition,
  type FieldError,
  type ItemKind,
  intakeAnswersSchema,
  PORTAL_LIMITS,
  type portalReportBodySchema,
  type RelatedService,
} from '@voordeur/shared';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { type Ctx, systemCtx } from '../../platform/actor.ts';
import { signature } from '../../platform/personal-data.ts';
import { errors } from '../../plugins/errors.ts';
import { safeEqual } from '../../plugins/security.ts';
import { calendarOf, localDate } from '../calendar/index.ts';
import { addAttachment, cleanFileName, intakeCase } from '../cases/index.ts';
import { expectedCompletion, findItem, publishedDefinition } from '../catalogue/index.ts';
import { findOrCreateCustomer } from '../customers/index.ts';
import { organisationBySlug } from '../organisations/index.ts';
import { portalErrors } from './portal.errors.ts';
import * as q from './portal.queries.ts';

/** Kinds a resident can start online: they become a case through the one intake. */
const ONLINE_KINDS: ReadonlySet<ItemKind> = new Set(['report', 'request', 'complaint', 'callback']);

/** "What others asked next" looks this many days after each asker's own case or contact. */
export const ASKED_NEXT_DAYS = 30;

/** The form token is good for a day after it was handed out. */
const FORM_TOKEN_MAX_AGE_MS = 24 * 3600_000;

/** Uploads no report took are removed after a day. */
export const UPLOAD_KEEP_MS = 24 * 3600_000;

/** A public request acts as the website on the organisation's behalf; its audit events say so. */
export const portalCtx = (organisationId: string, requestId: string): Ctx => ({
  ...systemCtx(organisationId, 'Website (inwoner)'),
  requestId,
});

/** Online here: the item has the web channel and an intake form, and is of a kind that becomes a case. */
export const isOnline = (def: CatalogueItemDefinition) =>
  def.channels.includes('web') && ONLINE_KINDS.has(def.kind) && def.intakeFields.length > 0;

async function organisationOf(db: Db, slug: string) {
  const org = await organisationBySlug(db, slug);
  if (!org) throw errors.notFound('organisation');
  return org;
}

/** The published external item with this code, or 404 (internal items and drafts do not exist here). */
async function publicItem(db: Db, organisationId: string, code: string) {
  const found = await findItem(db, organisationId, code);
  if (!found?.published || found.item.audience !== 'external' || found.item.state !== 'published')
    throw errors.notFound('item');
  return { id: found.item.id, definition: publishedDefinition(found) };
}

// ---- the time trap ---------------------------------------------------------------------------------------

const tokenPayload = (organisationId: string, code: string, issuedAt: number) =>
  `portal-form|${organisationId}|${code}|${issuedAt}`;

/** A signed moment the form was handed out: `<ms>.<signature>`. */
export function formToken(organisationId: string, code: string, now: Date) {
  const at = now.getTime();
  return `${at}.${signature(tokenPayload(organisationId, code, at))}`;
}

/** Refuses a token that is not ours for this form, is older than a day, or came back faster than a person types. */
export function checkFormToken(
  token: string,
  organisationId: string,
  code: string,
  now: Date,
  minFillSeconds: number,
) {
  const [at, sig] = token.split('.', 2);
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !sig) throw portalErrors.expired();
  if (!safeEqual(sig, signature(tokenPayload(organisationId, code, issuedAt)))) throw portalErrors.expired();
  const age = now.getTime() - issuedAt;
  if (age > FORM_TOKEN_MAX_AGE_MS || age < -60_000) throw portalErrors.expired();
  if (age < minFillSeconds * 1000) throw portalErrors.tooFast(minFillSeconds);
}

// ---- rate limits in the database -------------------------------------------------------------------------

const hashKey = (kind: string, value: string) =>
  createHash('sha256').update(`${kind}:${value.toLowerCase()}`).digest('base64url');

const windowOf = (now: Date, ms: number) => new Date(Math.floor(now.getTime() / ms) * ms);

/**
 * Counts this post against its sender's IP address (per hour) and email address (per day), in the database so
 * that every app node counts together; refuses it (429) over either limit. Only hashes of the addresses are kept.
 */
async function throttle(
  db: Db,
  config: Config,
  organisationId: string,
  sender: { ip: string; email?: string | undefined },
  now: Date,
) {
  const hour = 3600_000;
  const day = 24 * hour;
  const ipKey = hashKey('ip', sender.ip);
  const emailKey = sender.email ? hashKey('email', sender.email) : null;
  const counts = await q.countPosts(db, organisationId, [
    { key: ipKey, windowStart: windowOf(now, hour) },
    ...(emailKey ? [{ key: emailKey, windowStart: windowOf(now, day) }] : []),
  ]);
  const count = (key: string) => counts.find((c) => c.key === key)?.count ?? 0;
  const untilNext = (ms: number) => Math.ceil((windowOf(now, ms).getTime() + ms - now.getTime()) / 1000);
  if (count(ipKey) > config.portalPostsPerIpPerHour) throw portalErrors.throttled('ip', untilNext(hour));
  if (emailKey && count(emailKey) > config.portalReportsPerEmailPerDay)
    throw portalErrors.throttled('contact.email', untilNext(day));
}

// ---- "you may also need…" --------------------------------------------------------------------------------

/**
 * Related services of an item, the same at the desk and on the web: first the items it names itself (`related`),
 * then what people who asked for it asked next (their cases and contacts within {@link ASKED_NEXT_DAYS} days).
 * Published items only; `publicOnly` keeps to those for residents and businesses.
 */
export async function relatedServices(
  db: Db,
  organisationId: string,
  item: { id: string; definition: CatalogueItemDefinition },
  publicOnly: boolean,
): Promise<RelatedService[]> {
  const [linked, next] = await Promise.all([
    q.publishedItems(db, organisationId, item.definition.related, publicOnly),
    q.askedNext(db, organisationId, item.id, ASKED_NEXT_DAYS, publicOnly, PORTAL_LIMITS.relatedMax),
  ]);
  const byCode = new Map(linked.map((r) => [r.code, r]));
  const out: RelatedService[] = [];
  const seen = new Set([item.definition.code]);
  const add = (def: CatalogueItemDefinition, reason: RelatedService['reason']) => {
    if (seen.has(def.code) || out.length >= PORTAL_LIMITS.relatedMax) return;
    seen.add(def.code);
    out.push({ code: def.code, name: def.name, summary: def.summary, kind: def.kind, reason });
  };
  for (const code of item.definition.related) {
    const found = byCode.get(code);
    if (found) add(found.definition, 'link');
  }
  for (const r of next) add(r.definition, 'next');
  return out;
}

/** The related advice for staff (the agent's answer pane): internal items too. */
export async function relatedForStaff(db: Db, ctx: Ctx, code: string) {
  const found = await findItem(db, ctx.actor.organisationId, code);
  if (!found?.published) throw errors.notFound('item');
  const item = { id: found.item.id, definition: publishedDefinition(found) };
  return { code, related: await relatedServices(db, ctx.actor.organisationId, item, false) };
}

// ---- pages -----------------------------------------------------------------------------------------------

/** The public home: the most asked public services of each kind (cases of the last 90 days). */
export async function portalHome(db: Db, slug: string, now = new Date()) {
  const org = await organisationOf(db, slug);
  const rows = await q.popularItems(db, org.id, new Date(now.getTime() - 90 * 24 * 3600_000));
  const byKind = new Map<ItemKind, CatalogueItemDefinition[]>();
  for (const r of rows) {
    const list = byKind.get(r.definition.kind) ?? [];
    if (list.length < 4) list.push(r.definition);
    byKind.set(r.definition.kind, list);
  }
  const order: ItemKind[] = ['report', 'request', 'question', 'complaint', 'callback', 'appointment'];
  return {
    organisation: { name: org.name, slug: org.slug },
    popular: order
      .filter((kind) => byKind.has(kind))
      .map((kind) => ({
        kind,
        items: byKind
          .get(kind)!
          .map((d) => ({ code: d.code, name: d.name, summary: d.summary, kind: d.kind })),
      })),
  };
}

/** An item's public page: what you may expect, the articles about it, what to do, and what else you may need. */
export async function portalItem(db: Db, slug: string, code: string, now = new Date()) {
  const org = await organisationOf(db, slug);
  const item = await publicItem(db, org.id, code);
  const [calendar, articles, related] = await Promise.all([
    calendarOf(db, org.id),
    q.publicArticlesAbout(db, org.id, code),
    relatedServices(db, org.id, item, true),
  ]);
  const expected = expectedCompletion(calendar.definition, item.definition, now);
  return {
    organisation: { name: org.name, slug: org.slug },
    definition: item.definition,
    expectedDate: expected.expectedDate,
    online: isOnline(item.definition),
    articles,
    related,
    formToken: formToken(org.id, code, now),
  };
}

/**
 * A public article of the knowledge base as its own page (a search hit leads there): the question, the answer, and
 * the public services it is about. 404 for an internal, unpublished or unknown article.
 */
export async function portalArticle(db: Db, slug: string, code: string) {
  const org = await organisationOf(db, slug);
  const found = await q.publicArticle(db, org.id, code);
  if (!found) throw errors.notFound('article');
  const items = await q.publishedItems(db, org.id, found.definition.items, true);
  const byCode = new Map(items.map((i) => [i.code, i.definition]));
  return {
    organisation: { name: org.name, slug: org.slug },
    article: found.definition,
    // In the article's own order.
    items: found.definition.items.flatMap((c) => {
      const def = byCode.get(c);
      return def ? [{ code: def.code, name: def.name, summary: def.summary }] : [];
    }),
  };
}

/** What the report form needs of its item: the organisation, the item, the expected date and a form token. */
export async function reportFormItem(db: Db, slug: string, code: string, now = new Date()) {
  const org = await organisationOf(db, slug);
  const item = await publicItem(db, org.id, code);
  const calendar = await calendarOf(db, org.id);
  return {
    organisation: { id: org.id, name: org.name, slug: org.slug },
    definition: item.definition,
    expectedDate: expectedCompletion(calendar.definition, item.definition, now).expectedDate,
    online: isOnline(item.definition),
    formToken: formToken(org.id, code, now),
  };
}

// ---- uploads and reports ---------------------------------------------------------------------------------

/**
 * Keeps a file for a report that is still being written: its type decided from its bytes (photos and PDF only,
 * as case attachments), its size limited. Answers an opaque upload id (128-bit random; stored as its SHA-256).
 */
export async function upload(
  db: Db,
  config: Config,
  slug: string,
  file: { fileName: string | undefined; data: Buffer; truncated: boolean },
  ip: string,
  now = new Date(),
) {
  const org = await organisationOf(db, slug);
  await throttle(db, config, org.id, { ip }, now);
  if (file.truncated || file.data.length > CASE_LIMITS.attachmentMaxBytes) throw portalErrors.fileTooLarge();
  if (file.data.length === 0) throw portalErrors.fileRejected('The file is empty');
  const type = await fileTypeFromBuffer(file.data);
  if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type.mime))
    throw portalErrors.fileRejected('Only JPEG, PNG, WebP, HEIC photos and PDF files');
  const token = randomBytes(16).toString('base64url');
  const fileName = cleanFileName(file.fileName);
  await q.insertUpload(db, {
    organisationId: org.id,
    tokenHash: createHash('sha256').update(token).digest('base64url'),
    fileName,
    contentType: type.mime,
    size: file.data.length,
    data: file.data,
  });
  return { id: token, fileName, contentType: type.mime, size: file.data.length };
}

type ReportBody = z.output<typeof portalReportBodySchema>;

/** Intake fields pre-filled from the profile ("ask once"): the contact details answer them. */
function prefilled(def: CatalogueItemDefinition, body: ReportBody) {
  const answers: Record<string, unknown> = { ...body.answers };
  const from = { name: body.contact.name, email: body.contact.email, phone: body.contact.phone };
  for (const f of def.intakeFields) {
    if (f.type !== 'text' || !f.prefill || !(f.prefill in from)) continue;
    const value = from[f.prefill as keyof typeof from];
    if (value && (answers[f.key] === undefined || answers[f.key] === '')) answers[f.key] = value;
  }
  return answers;
}

/** The description staff read first: the person's own words, else their longest answer, else the item. */
function descriptionOf(def: CatalogueItemDefinition, body: ReportBody) {
  if (body.description) return body.description;
  const texts = def.intakeFields
    .filter((f) => f.type === 'long_text' || f.type === 'text')
    .map((f) => body.answers[f.key])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .sort((a, b) => b.length - a.length);
  return texts[0]?.trim().slice(0, PORTAL_LIMITS.descriptionMax) || `${def.name.nl} (via de website)`;
}

/**
 * A report (or request, complaint, callback) from the portal: counted against its sender (per IP and email
 * address, in the database; refused posts count too), checked against the form it was handed (honeypot, time trap), its answers checked with
 * the item's intake schema and its uploads with the item's attachment fields — all before anything is written.
 * Then, in one transaction: the customer found by email or phone as the desk does (or created), the case opened
 * through the one intake with channel `web`, and each upload made a case attachment.
 */
export async function submitReport(
  db: Db,
  config: Config,
  slug: string,
  body: ReportBody,
  sender: { ip: string; requestId: string },
  now = new Date(),
) {
  const org = await organisationOf(db, slug);
  // Counted first: refused posts (honeypot, time trap) count against their sender as well.
  await throttle(db, config, org.id, { ip: sender.ip, email: body.contact.email }, now);
  if (body.website?.trim()) throw portalErrors.rejected();
  checkFormToken(body.formToken, org.id, body.itemCode, now, config.portalMinFillSeconds);
  const item = await publicItem(db, org.id, body.itemCode);
  const def = item.definition;
  if (!isOnline(def)) throw portalErrors.notOnline();

  const answers = prefilled(def, body);
  const problems: FieldError[] = [];
  const parsed = intakeAnswersSchema(def.intakeFields, {
    hasLocation: body.location !== undefined,
  }).safeParse(answers, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          problems.push({ field: `answers.${key}`, message: 'Not a field of this intake form' });
      else
        problems.push({
          field: ['answers', ...issue.path.map(String)].join('.'),
          message: 'input' in issue && issue.input === undefined ? 'Required' : issue.message,
        });
    }
  }
  const attachmentFields = new Map(
    def.intakeFields.filter((f) => f.type === 'attachment').map((f) => [f.key, f]),
  );
  body.uploads.forEach((u, i) => {
    if (!attachmentFields.has(u.field))
      problems.push({ field: `uploads.${i}.field`, message: 'Not an attachment field of this form' });
  });
  for (const f of attachmentFields.values())
    if (f.required && !body.uploads.some((u) => u.field === f.key))
      problems.push({ field: `answers.${f.key}`, message: 'Required' });
  if (problems.length) throw errors.validation(problems, 'Some answers do not fit the form of this service.');

  const ctx = portalCtx(org.id, sender.requestId);
  const { contact } = body;
  const calendar = await calendarOf(db, org.id);
  const detail = await db.transaction(async (tx) => {
    const customer = await findOrCreateCustomer(
      tx,
      ctx,
      {
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        address: contact.reach === 'post' ? contact.address : undefined,
        preferredChannel: contact.reach === 'post' ? 'letter' : contact.reach === 'phone' ? 'phone' : 'email',
        preferredLanguage: body.language,
      },
      contact.reach === 'email' ? 'email' : contact.reach === 'phone' ? 'phone' : 'none',
    );
    const opened = await intakeCase(tx, ctx, {
      itemCode: def.code,
      description: descriptionOf(def, body),
      answers,
      location: body.location,
      priority: 'normal',
      customerId: customer.row.id,
      contactEmail: contact.reach === 'email' ? contact.email : undefined,
      language: body.language,
      channel: 'web',
    });
    const caseId = opened.row.c.id;
    if (body.uploads.length) {
      const hashes = body.uploads.map((u) => createHash('sha256').update(u.id).digest('base64url'));
      const taken = await q.takeUploads(tx, org.id, hashes);
      const byHash = new Map(taken.map((t) => [t.tokenHash, t]));
      for (const [i, hash] of hashes.entries()) {
        const file = byHash.get(hash);
        // Unknown, used, or another organisation's: the transaction rolls back, the case is not opened.
        if (!file) throw portalErrors.uploadUnknown(`uploads.${i}.id`);
        await addAttachment(tx, ctx, caseId, { fileName: file.fileName, data: file.data, truncated: false });
      }
    }
    return opened;
  });
  const c = detail.row.c;
  return {
    reference: c.reference,
    expectedDate: localDate(c.dueAt, calendar.definition.timeZone),
    reach: contact.reach,
    confirmationSent: detail.reach !== 'none',
    attachments: body.uploads.length,
    trackingUrl: detail.trackingUrl,
  };
}

/** Housekeeping: throttle windows older than two days and uploads no report took within a day. */
export async function forgetOldPortalData(db: Db, now = new Date()) {
  const [counts, uploads] = await Promise.all([
    q.deleteOldCounts(db, new Date(now.getTime() - 2 * 24 * 3600_000)),
    q.deleteOldUploads(db, new Date(now.getTime() - UPLOAD_KEEP_MS)),
  ]);
  return { counts: counts.length, uploads: uploads.length };
}
