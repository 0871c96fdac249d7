import {
  caseFile,
  catalogueItem,
  contact,
  customer,
  type Db,
  organisation,
  queryRows,
  survey,
  surveyInvitation,
  surveyResponse,
  surveySettings,
  surveyVersion,
  team,
} from '@voordeur/db';
import { CONSENT_PURPOSE, type SurveyResponseQuery } from '@voordeur/shared';
import { and, asc, count, desc, eq, gt, gte, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/** The consent purpose whose latest record, when it is a refusal, keeps a person out of every survey. */
/** The consent a survey needs: the one residents give or withdraw on My page and staff record at the desk. */
export const SURVEY_CONSENT_PURPOSE = CONSENT_PURPOSE.surveys;

const published = alias(surveyVersion, 'published');
const draft = alias(surveyVersion, 'draft');

function surveysQuery(db: Db) {
  return db
    .select({
      survey,
      published: {
        id: published.id,
        number: published.number,
        definition: published.definition,
        publishedAt: published.publishedAt,
      },
      draft: { id: draft.id, number: draft.number, definition: draft.definition },
    })
    .from(survey)
    .leftJoin(
      published,
      and(eq(published.organisationId, survey.organisationId), eq(published.id, survey.publishedVersionId)),
    )
    .leftJoin(
      draft,
      and(eq(draft.organisationId, survey.organisationId), eq(draft.id, survey.draftVersionId)),
    );
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export function findSurvey(db: Db, organisationId: string, code: string) {
  return surveysQuery(db)
    .where(and(eq(survey.organisationId, organisationId), eq(survey.code, code)))
    .then((r) => r[0]);
}

export function listSurveys(db: Db, organisationId: string) {
  return surveysQuery(db).where(eq(survey.organisationId, organisationId)).orderBy(asc(survey.code));
}

/** The published surveys by code (the invitation task picks among them). */
export function publishedSurveys(db: Db, organisationId: string) {
  return db
    .select({ surveyId: survey.id, code: survey.code, versionId: published.id })
    .from(survey)
    .innerJoin(
      published,
      and(eq(published.organisationId, survey.organisationId), eq(published.id, survey.publishedVersionId)),
    )
    .where(and(eq(survey.organisationId, organisationId), eq(survey.state, 'published')));
}

export function findSettings(db: Db, organisationId: string) {
  return db
    .select()
    .from(surveySettings)
    .where(eq(surveySettings.organisationId, organisationId))
    .then((r) => r[0]);
}

export function insertSettings(db: Db, organisationId: string, settings: object) {
  return db.insert(surveySettings).values({ organisationId, settings }).onConflictDoNothing();
}

/** The version-checked update of the settings; no row when someone else changed them. */
export function updateSettings(db: Db, organisationId: string, version: number, settings: object) {
  return db
    .update(surveySettings)
    .set({ settings, version: sql`${surveySettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(surveySettings.organisationId, organisationId), eq(surveySettings.version, version)))
    .returning({ version: surveySettings.version })
    .then((r) => r[0]);
}

/** The organisations whose surveys are switched on, with how far their invitation task has looked. */
export function enabledOrganisations(db: Db) {
  return db
    .select({
      organisationId: surveySettings.organisationId,
      settings: surveySettings.settings,
      scannedUntil: surveySettings.scannedUntil,
      name: organisation.name,
      slug: organisation.slug,
    })
    .from(surveySettings)
    .innerJoin(organisation, eq(organisation.id, surveySettings.organisationId))
    .where(sql`(${surveySettings.settings}->>'enabled')::boolean IS NOT FALSE`);
}

export function setScannedUntil(db: Db, organisationId: string, until: Date) {
  return db
    .update(surveySettings)
    .set({ scannedUntil: until })
    .where(eq(surveySettings.organisationId, organisationId));
}

export interface Candidate {
  id: string;
  channel: string;
  item_code: string | null;
  subject: string | null;
  team_id: string | null;
  area: string | null;
  language: string;
  customer_id: string | null;
  customer_name: string | null;
  email: string | null;
  /** The latest consent for surveys: false when the person said no, null when never asked. */
  consent: boolean | null;
  resolution_seconds: number | null;
}

const consentOf = (customerId: SQL) => sql`(
  SELECT cc.granted FROM customer_consent cc
   WHERE cc.organisation_id = ${sql.raw('x.organisation_id')} AND cc.customer_id = ${customerId}
     AND cc.purpose = ${SURVEY_CONSENT_PURPOSE}
   ORDER BY cc.created_at DESC, cc.id DESC LIMIT 1)`;

/**
 * Cases closed in (from, to] that have no invitation yet: main cases only (a child task or a merged duplicate is
 * followed through its main case), with what an invitation needs and what the answer will be stored with.
 */
export function closedCases(db: Db, organisationId: string, from: Date, to: Date) {
  return queryRows<Candidate>(
    db,
    sql`SELECT x.id, x.channel, ci.code AS item_code, x.subject, x.team_id, x.area,
               coalesce(cu.preferred_language, x.language) AS language, x.customer_id, cu.name AS customer_name,
               lower(coalesce(cu.email, x.contact_email)) AS email,
               ${consentOf(sql.raw('x.customer_id'))} AS consent,
               extract(epoch FROM x.closed_at - x.created_at)::int AS resolution_seconds
          FROM ${caseFile} x
          JOIN ${catalogueItem} ci ON ci.organisation_id = x.organisation_id AND ci.id = x.catalogue_item_id
          LEFT JOIN ${customer} cu ON cu.organisation_id = x.organisation_id AND cu.id = x.customer_id
         WHERE x.organisation_id = ${organisationId}
           AND x.closed_at > ${from.toISOString()}::timestamptz AND x.closed_at <= ${to.toISOString()}::timestamptz
           AND x.parent_case_id IS NULL AND x.main_case_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM ${surveyInvitation} i
                            WHERE i.organisation_id = x.organisation_id AND i.case_id = x.id)
         ORDER BY x.closed_at, x.id
         LIMIT 1000`,
  );
}

/**
 * Front-office contacts that ended in (from, to] with a known customer, and were not handed over to a case (the
 * case has its own survey) nor closed automatically.
 */
export function endedContacts(db: Db, organisationId: string, from: Date, to: Date) {
  return queryRows<Candidate>(
    db,
    sql`SELECT x.id, x.channel, ci.code AS item_code, x.topic AS subject, x.team_id, NULL::text AS area,
               coalesce(cu.preferred_language, x.language) AS language, x.customer_id, cu.name AS customer_name,
               lower(cu.email) AS email,
               ${consentOf(sql.raw('x.customer_id'))} AS consent,
               NULL::int AS resolution_seconds
          FROM ${contact} x
          JOIN ${customer} cu ON cu.organisation_id = x.organisation_id AND cu.id = x.customer_id
          LEFT JOIN ${catalogueItem} ci ON ci.organisation_id = x.organisation_id AND ci.id = x.catalogue_item_id
         WHERE x.organisation_id = ${organisationId}
           AND x.ended_at > ${from.toISOString()}::timestamptz AND x.ended_at <= ${to.toISOString()}::timestamptz
           AND x.outcome IS NOT NULL AND x.outcome <> 'case' AND NOT x.closed_automatically
           AND NOT EXISTS (SELECT 1 FROM ${surveyInvitation} i
                            WHERE i.organisation_id = x.organisation_id AND i.contact_id = x.id)
         ORDER BY x.ended_at, x.id
         LIMIT 1000`,
  );
}

/** The addresses among these that had an invitation since `since` (the cooldown). */
export function recentlyInvited(db: Db, organisationId: string, emails: string[], since: Date) {
  if (!emails.length) return Promise.resolve(new Set<string>());
  return queryRows<{ email: string }>(
    db,
    sql`SELECT DISTINCT email FROM ${surveyInvitation}
         WHERE organisation_id = ${organisationId} AND created_at > ${since.toISOString()}::timestamptz
           AND email IN (${sql.join(
             emails.map((e) => sql`${e}`),
             sql`, `,
           )})`,
  ).then((rows) => new Set(rows.map((r) => r.email)));
}

export type InvitationInsert = typeof surveyInvitation.$inferInsert;

/** Inserts an invitation unless its case or contact has one (a second run of the task): its id, or none. */
export function insertInvitation(db: Db, values: InvitationInsert) {
  return db
    .insert(surveyInvitation)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: surveyInvitation.id })
    .then((r) => r[0]);
}

/** Unanswered, unexpired invitations due for their one reminder (over all organisations). */
export function dueReminders(db: Db, now: Date) {
  return db
    .select({
      invitation: surveyInvitation,
      organisationName: organisation.name,
      slug: organisation.slug,
    })
    .from(surveyInvitation)
    .innerJoin(organisation, eq(organisation.id, surveyInvitation.organisationId))
    .where(
      and(
        lt(surveyInvitation.remindAt, now),
        sql`${surveyInvitation.remindedAt} IS NULL AND ${surveyInvitation.answeredAt} IS NULL`,
        gt(surveyInvitation.expiresAt, now),
      ),
    )
    .orderBy(asc(surveyInvitation.remindAt))
    .limit(500);
}

/** Marks the reminder sent; none when another run did it first. */
export function markReminded(db: Db, organisationId: string, id: string, now: Date) {
  return db
    .update(surveyInvitation)
    .set({ remindedAt: now })
    .where(
      and(
        eq(surveyInvitation.organisationId, organisationId),
        eq(surveyInvitation.id, id),
        sql`${surveyInvitation.remindedAt} IS NULL`,
      ),
    )
    .returning({ id: surveyInvitation.id })
    .then((r) => r[0]);
}

/** The invitation behind a link, locked for the answer when `lock`. */
export function invitationByToken(db: Db, organisationId: string, tokenHash: string, lock = false) {
  const q = db
    .select({ invitation: surveyInvitation, definition: surveyVersion.definition })
    .from(surveyInvitation)
    .innerJoin(
      surveyVersion,
      and(
        eq(surveyVersion.organisationId, surveyInvitation.organisationId),
        eq(surveyVersion.id, surveyInvitation.surveyVersionId),
      ),
    )
    .where(
      and(eq(surveyInvitation.organisationId, organisationId), eq(surveyInvitation.tokenHash, tokenHash)),
    );
  return (lock ? q.for('update', { of: surveyInvitation }) : q).then((r) => r[0]);
}

export function markAnswered(db: Db, organisationId: string, id: string, now: Date) {
  return db
    .update(surveyInvitation)
    .set({ answeredAt: now })
    .where(and(eq(surveyInvitation.organisationId, organisationId), eq(surveyInvitation.id, id)));
}

export type ResponseInsert = typeof surveyResponse.$inferInsert;

/** Stores the answer unless the invitation has one: its id, or none. */
export function insertResponse(db: Db, values: ResponseInsert) {
  return db
    .insert(surveyResponse)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: surveyResponse.id })
    .then((r) => r[0]);
}

function responseFilters(organisationId: string, f: SurveyResponseQuery) {
  const where: SQL[] = [eq(surveyResponse.organisationId, organisationId)];
  if (f.itemCode) where.push(eq(surveyResponse.itemCode, f.itemCode));
  if (f.teamId) where.push(eq(surveyResponse.teamId, f.teamId));
  if (f.channel) where.push(eq(surveyResponse.channel, f.channel));
  if (f.from) where.push(gte(surveyResponse.answeredAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to)
    where.push(lt(surveyResponse.answeredAt, sql`${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day'`));
  if (f.compliments === 'true') where.push(eq(surveyResponse.compliment, true));
  if (f.followUp === 'true') where.push(eq(surveyResponse.followUp, true));
  return and(...where);
}

export function listResponses(db: Db, organisationId: string, f: SurveyResponseQuery) {
  return db
    .select({ response: surveyResponse, reference: caseFile.reference, teamName: team.name })
    .from(surveyResponse)
    .leftJoin(
      caseFile,
      and(eq(caseFile.organisationId, surveyResponse.organisationId), eq(caseFile.id, surveyResponse.caseId)),
    )
    .leftJoin(
      team,
      and(eq(team.organisationId, surveyResponse.organisationId), eq(team.id, surveyResponse.teamId)),
    )
    .where(responseFilters(organisationId, f))
    .orderBy(desc(surveyResponse.answeredAt), desc(surveyResponse.id))
    .limit(f.limit)
    .offset(f.offset);
}

export function responseTotals(db: Db, organisationId: string, f: SurveyResponseQuery) {
  return db
    .select({ total: count(), average: sql<string | null>`avg(${surveyResponse.grade})` })
    .from(surveyResponse)
    .where(responseFilters(organisationId, f))
    .then((r) => r[0]!);
}

/** The tables of the versioned lifecycle (the service hands them to `versionedDocuments`). */
export { survey as surveyTable, surveyVersion as surveyVersionTable };

/** The open invitation of a case (unanswered, unexpired), with its organisation's slug, or none. */
export function openInvitationOfCase(db: Db, organisationId: string, caseId: string, now: Date) {
  return db
    .select({
      tokenEncrypted: surveyInvitation.tokenEncrypted,
      language: surveyInvitation.language,
      slug: organisation.slug,
    })
    .from(surveyInvitation)
    .innerJoin(organisation, eq(organisation.id, surveyInvitation.organisationId))
    .where(
      and(
        eq(surveyInvitation.organisationId, organisationId),
        eq(surveyInvitation.caseId, caseId),
        isNull(surveyInvitation.answeredAt),
        gt(surveyInvitation.expiresAt, now),
      ),
    )
    .then((r) => r[0]);
}
