import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@voordeur/db';
import { type SurveySettings, surveySettingsSchema } from '@voordeur/shared';
import { systemCtx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { decryptIdentifier, encryptIdentifier } from '../../platform/personal-data.ts';
import { type NotificationInput, queueNotifications } from '../notifications/index.ts';
import * as q from './surveys.queries.ts';
import { WORDS } from './surveys.words.ts';

/**
 * Invitations (issue 13, item 7): after a closed case, and after a sample of front-office contacts per channel, the
 * person gets one email with a link to a short survey — unless they said no to surveys (their latest consent for
 * `klanttevredenheidsonderzoek`), were invited in the last `cooldownDays`, or have no email address. One reminder
 * after `reminderAfterDays` when unanswered; the link stops working after `expiresAfterDays`.
 */

/**
 * A link's secret: 256 random bits, in the URL. Looked up by its SHA-256; kept encrypted with the data key besides,
 * so the reminder and the tracking page can show the same link again.
 */
export function newToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), encrypted: encryptIdentifier(token) };
}
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether a contact falls in a sample of `percent`: decided by its id, so every run decides the same. */
export function inSample(id: string, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return createHash('sha256').update(id).digest().readUInt32BE(0) % 100 < percent;
}

/** What an answer is stored with, read when the invitation is made (the case as it was closed). */
export interface SurveyDimensions {
  channel: string;
  itemCode: string | null;
  teamId: string | null;
  area: string | null;
  resolutionSeconds: number | null;
  subject: string | null;
}

/**
 * Where a link points. The worker's tasks get no configuration, so the public address comes from the same
 * environment the server reads (`PUBLIC_URL`, else `http://localhost:$PORT`).
 */
export function publicBase(): string {
  return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

export const surveyLink = (slug: string, token: string, language: string) =>
  `${publicBase()}/p/${slug}/enquete/${token}${language === 'en' ? '?lang=en' : ''}`;

/** The survey for a case of this item on this channel: the item's own, else the channel's, else the default. */
export function surveyFor(s: SurveySettings, itemCode: string | null, channel: string): string | null {
  const item = itemCode ? s.items.find((i) => i.itemCode === itemCode) : undefined;
  if (item) return item.survey;
  return s.channels.find((c) => c.channel === channel)?.survey ?? s.defaultSurvey;
}

const DAY = 86_400_000;

/**
 * One round over every organisation with surveys switched on: invitations for what closed since the last round,
 * then the reminders that are due. Idempotent: an invitation is unique per case and per contact.
 */
export async function sendInvitations(db: Db, now = new Date()) {
  let invited = 0;
  let skipped = 0;
  for (const org of await q.enabledOrganisations(db)) {
    const settings = surveySettingsSchema.parse(org.settings);
    if (!settings.enabled) continue;
    // What closed up to `delayHours` ago; the first round looks back one day more, every next one from where the
    // last stopped (never back: a shorter delay does not look at what a longer one passed over).
    const until = new Date(now.getTime() - settings.delayHours * 3_600_000);
    const from = org.scannedUntil ?? new Date(until.getTime() - DAY);
    if (until <= from) continue;
    const done = await db.transaction(async (tx) => {
      const surveys = new Map((await q.publishedSurveys(tx, org.organisationId)).map((s) => [s.code, s]));
      const [cases, contacts] = [
        await q.closedCases(tx, org.organisationId, from, until),
        await q.endedContacts(tx, org.organisationId, from, until),
      ];
      const candidates = [
        ...cases.map((c) => ({
          c,
          source: 'case' as const,
          code: surveyFor(settings, c.item_code, c.channel),
        })),
        ...contacts
          .filter((c) => {
            const percent = settings.channels.find((x) => x.channel === c.channel)?.contactSamplePercent ?? 0;
            return inSample(c.id, percent);
          })
          .map((c) => ({
            c,
            source: 'contact' as const,
            code: settings.channels.find((x) => x.channel === c.channel)?.survey ?? settings.defaultSurvey,
          })),
      ];
      const emails = [...new Set(candidates.map((x) => x.c.email).filter((e): e is string => !!e))];
      const cooling = await q.recentlyInvited(
        tx,
        org.organisationId,
        emails,
        new Date(now.getTime() - settings.cooldownDays * DAY),
      );
      const notes: NotificationInput[] = [];
      const perSurvey = new Map<string, number>();
      let left = 0;
      for (const { c, source, code } of candidates) {
        const chosen = code ? surveys.get(code) : undefined;
        if (!chosen || !c.email || c.consent === false || cooling.has(c.email)) {
          left++;
          continue;
        }
        const { token, hash, encrypted } = newToken();
        const language = c.language === 'en' ? 'en' : 'nl';
        const dimensions: SurveyDimensions = {
          channel: c.channel,
          itemCode: c.item_code,
          teamId: c.team_id,
          area: c.area,
          resolutionSeconds: c.resolution_seconds,
          subject: c.subject,
        };
        const made = await q.insertInvitation(tx, {
          organisationId: org.organisationId,
          tokenHash: hash,
          tokenEncrypted: encrypted,
          surveyId: chosen.surveyId,
          surveyVersionId: chosen.versionId,
          source,
          caseId: source === 'case' ? c.id : null,
          contactId: source === 'contact' ? c.id : null,
          customerId: c.customer_id,
          email: c.email,
          language,
          dimensions,
          remindAt: settings.reminderAfterDays
            ? new Date(now.getTime() + settings.reminderAfterDays * DAY)
            : null,
          expiresAt: new Date(now.getTime() + settings.expiresAfterDays * DAY),
        });
        if (!made) continue;
        // One invitation per address per round, and the cooldown counts from it.
        cooling.add(c.email);
        perSurvey.set(chosen.surveyId, (perSurvey.get(chosen.surveyId) ?? 0) + 1);
        const w = WORDS[language];
        notes.push({
          organisationId: org.organisationId,
          caseId: source === 'case' ? c.id : null,
          kind: 'survey',
          audience: 'person',
          channel: 'email',
          recipient: c.email,
          recipientName: c.customer_name,
          language,
          subject: w.emailSubject(org.name),
          body: w.emailBody(
            c.customer_name ?? w.sir,
            org.name,
            c.subject ?? w.contactSubject,
            surveyLink(org.slug, token, language),
            settings.expiresAfterDays,
          ),
        });
      }
      await queueNotifications(tx, notes);
      const ctx = systemCtx(org.organisationId, 'Voordeur (enquête)');
      for (const [surveyId, n] of perSurvey)
        await recordAudit(tx, ctx, {
          entityType: 'survey',
          entityId: surveyId,
          action: 'sent',
          after: { invitations: n },
        });
      await q.setScannedUntil(tx, org.organisationId, until);
      return { invited: notes.length, skipped: left };
    });
    invited += done.invited;
    skipped += done.skipped;
  }
  const reminded = await sendReminders(db, now);
  return { invited, skipped, reminded };
}

/** The one reminder of each unanswered invitation that is due, with the same link. */
export async function sendReminders(db: Db, now = new Date()) {
  let reminded = 0;
  for (const { invitation: i, organisationName, slug } of await q.dueReminders(db, now)) {
    await db.transaction(async (tx) => {
      if (!(await q.markReminded(tx, i.organisationId, i.id, now))) return;
      const token = decryptIdentifier(i.tokenEncrypted);
      const language = i.language === 'en' ? 'en' : 'nl';
      const w = WORDS[language];
      const d = i.dimensions as SurveyDimensions;
      await queueNotifications(tx, [
        {
          organisationId: i.organisationId,
          caseId: i.caseId,
          kind: 'survey',
          audience: 'person',
          channel: 'email',
          recipient: i.email,
          language,
          subject: w.reminderSubject(organisationName),
          body: w.reminderBody(
            w.sir,
            organisationName,
            d.subject ?? w.contactSubject,
            surveyLink(slug, token, language),
          ),
        },
      ]);
      await recordAudit(tx, systemCtx(i.organisationId, 'Voordeur (enquête)'), {
        entityType: 'survey',
        entityId: i.surveyId,
        action: 'sent',
        after: { reminders: 1 },
      });
      reminded++;
    });
  }
  return reminded;
}

/**
 * The link to the open survey of a case (unanswered and unexpired), or null: the tracking page offers it
 * ("Geef uw mening"). The same link as in the invitation email.
 */
export async function surveyLinkOfCase(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<string | null> {
  const open = await q.openInvitationOfCase(db, organisationId, caseId, new Date());
  return open ? surveyLink(open.slug, decryptIdentifier(open.tokenEncrypted), open.language) : null;
}
