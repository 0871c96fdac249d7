import { createHash } from 'node:crypto';
import { purposeHmac } from './personal-data.ts';

/**
 * The private tracking link of a case (ADR 0024-case-tracking-links): a token derived from the organisation and
 * case ids with a key derived from the data key (HMAC-SHA-256, 192 bits shown), so every later message can put
 * the same link in without storing a secret. Only the token's SHA-256 is stored (`case_file.tracking_hash`), for
 * the lookup. Links start at `PUBLIC_URL`.
 */
let baseUrl = 'http://localhost:3000';

/** The server's public base URL, set once at start (`PUBLIC_URL`). */
export function setPublicUrl(url: string) {
  baseUrl = url.replace(/\/+$/, '');
}

export function publicUrl() {
  return baseUrl;
}

/** The tracking token of a case: 32 URL-safe characters (192 bits), the same every time. */
export function trackingToken(organisationId: string, caseId: string): string {
  return purposeHmac('case-tracking', `${organisationId}/${caseId}`).subarray(0, 24).toString('base64url');
}

/** What is stored of a token and looked up by: its SHA-256 (hex). */
export function trackingHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token's shape; anything else is not looked up at all. */
export const TRACKING_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The whole link to a case's tracking page. */
export function trackingLink(organisationSlug: string, organisationId: string, caseId: string): string {
  return `${baseUrl}/p/${encodeURIComponent(organisationSlug)}/zaak/${trackingToken(organisationId, caseId)}`;
}
