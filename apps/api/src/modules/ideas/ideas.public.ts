import { createHash } from 'node:crypto';
import type { Db } from '@voordeur/db';
import { IDEA_LIMITS, type IdeaStage } from '@voordeur/shared';
import { systemCtx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { signature } from '../../platform/personal-data.ts';
import { safeEqual } from '../../plugins/security.ts';
import { organisationBySlug } from '../organisations/index.ts';
import * as q from './ideas.queries.ts';
import { OPEN_STAGES } from './ideas.service.ts';

/**
 * Residents' side of co-creation: the published ideas and their approved comments, and a comment form guarded by
 * a honeypot, a signed time trap and size limits (the route adds a rate limit per IP address). A comment is held
 * for moderation: nothing a resident sends shows before a moderator approved it.
 */

/** A form sent back after this is refused (open the page again). */
const TOKEN_MAX_AGE_MS = 24 * 3600_000;

export async function publicIdeas(db: Db, slug: string) {
  const org = await organisationBySlug(db, slug);
  if (!org) return null;
  return { organisation: org, ideas: await q.publishedIdeas(db, org.id) };
}

export async function publicIdea(db: Db, slug: string, id: string) {
  const org = await organisationBySlug(db, slug);
  if (!org) return null;
  const found = await q.publishedIdea(db, org.id, id);
  if (!found) return { organisation: org, idea: null, comments: [] };
  const comments = await q.commentsOf(db, org.id, id, true);
  return {
    organisation: org,
    idea: { ...found, open: OPEN_STAGES.includes(found.stage as IdeaStage) },
    comments: comments.map((c) => ({ id: c.id, body: c.body, displayName: c.displayName, at: c.createdAt })),
  };
}

const payload = (organisationId: string, ideaId: string, at: number) =>
  `idea-comment|${organisationId}|${ideaId}|${at}`;

/** The signed moment the comment form was handed out: `<ms>.<signature>`. */
export function commentToken(organisationId: string, ideaId: string, now: Date) {
  const at = now.getTime();
  return `${at}.${signature(payload(organisationId, ideaId, at))}`;
}

export type CommentErrors = Partial<
  Record<'body' | 'displayName' | 'form', 'required' | 'tooLong' | 'tooFast' | 'expired'>
>;

export type CommentOutcome =
  | { kind: 'stored' }
  | { kind: 'unknown' }
  | { kind: 'closed' }
  /** A filled honeypot: answered as if stored, nothing kept (a program learns nothing). */
  | { kind: 'dropped' }
  | { kind: 'invalid'; errors: CommentErrors };

/**
 * Checks and keeps a resident's comment as pending. Refused: a filled honeypot (silently), a token not ours for
 * this idea or older than a day, a form back sooner than `minFillSeconds`, an empty or too long comment or name.
 */
export async function submitComment(
  db: Db,
  organisationId: string,
  ideaId: string,
  input: {
    body?: string | undefined;
    displayName?: string | undefined;
    website?: string | undefined;
    token?: string | undefined;
  },
  minFillSeconds: number,
  now = new Date(),
): Promise<CommentOutcome> {
  const found = await q.publishedIdea(db, organisationId, ideaId);
  if (!found) return { kind: 'unknown' };
  if (!OPEN_STAGES.includes(found.stage as IdeaStage)) return { kind: 'closed' };
  if (input.website?.trim()) return { kind: 'dropped' };
  const errors: CommentErrors = {};
  const [at, sig] = (input.token ?? '').split('.', 2);
  const issuedAt = Number(at);
  const age = now.getTime() - issuedAt;
  if (
    !Number.isSafeInteger(issuedAt) ||
    !sig ||
    !safeEqual(sig, signature(payload(organisationId, ideaId, issuedAt))) ||
    age > TOKEN_MAX_AGE_MS ||
    age < -60_000
  )
    errors.form = 'expired';
  else if (age < minFillSeconds * 1000) errors.form = 'tooFast';
  const body = (input.body ?? '').trim();
  const displayName = (input.displayName ?? '').trim();
  if (!body) errors.body = 'required';
  else if (body.length > IDEA_LIMITS.commentMax) errors.body = 'tooLong';
  if (displayName.length > IDEA_LIMITS.displayNameMax) errors.displayName = 'tooLong';
  if (Object.keys(errors).length) return { kind: 'invalid', errors };
  await db.transaction(async (tx) => {
    const comment = await q.insertComment(tx, {
      organisationId,
      ideaId,
      body,
      displayName,
      status: 'pending',
    });
    // The resident is not named in the trail (nor anywhere): only that a comment came in on the public page.
    await recordAudit(tx, systemCtx(organisationId, 'Inwoner (ideeënpagina)'), {
      entityType: 'idea_comment',
      entityId: comment.id,
      action: 'created',
      after: { ideaId },
    });
  });
  return { kind: 'stored' };
}

/** Comments (sent or refused) one IP address may post per hour on an organisation's idea pages. */
export const COMMENTS_PER_IP_PER_HOUR = 10;
const HOUR_MS = 3600_000;

/**
 * Counts posts per organisation and IP address (hashed) per clock hour, in this process's memory: a
 * flood from one address stops after {@link COMMENTS_PER_IP_PER_HOUR}. The address itself is not kept.
 */
export function makeCommentLimiter(limit = COMMENTS_PER_IP_PER_HOUR) {
  const counts = new Map<string, { hour: number; n: number }>();
  return (organisationId: string, ip: string, now = new Date()) => {
    const hour = Math.floor(now.getTime() / HOUR_MS);
    const key = createHash('sha256').update(`${organisationId}|${ip}`).digest('base64url');
    const seen = counts.get(key);
    const n = seen && seen.hour === hour ? seen.n + 1 : 1;
    if (counts.size > 50_000) for (const [k, v] of counts) if (v.hour !== hour) counts.delete(k);
    counts.set(key, { hour, n });
    return n <= limit;
  };
}
