import { type Db, messageTemplate, organisation, webhookSubscription, workingCalendar } from '@voordeur/db';
import {
  type CaseSettings,
  caseSettingsSchema,
  type FrontOfficeSettings,
  frontOfficeSettingsSchema,
} from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';
import { type CalendarDefinition, DEFAULT_CALENDAR } from '../calendar/index.ts';
import type { ActiveSubscription } from '../webhooks/index.ts';
import { mergeTemplates, type OwnTemplate } from './cases.templates.ts';

/** The organisation's case settings (breach reasons, warning time, complaint terms), with defaults. */
export async function caseSettings(
  db: Db,
  organisationId: string,
): Promise<CaseSettings & { organisationName: string; organisationSlug: string }> {
  const [row] = await db
    .select({
      settings: sql<unknown>`${organisation.settings} -> 'cases'`,
      name: organisation.name,
      slug: organisation.slug,
    })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  const parsed = caseSettingsSchema.safeParse(row?.settings ?? {});
  const settings = parsed.success ? parsed.data : caseSettingsSchema.parse({});
  return { ...settings, organisationName: row?.name ?? '', organisationSlug: row?.slug ?? '' };
}

export function saveCaseSettings(db: Db, organisationId: string, settings: CaseSettings) {
  return db
    .update(organisation)
    .set({
      settings: sql`jsonb_set(${organisation.settings}, '{cases}', ${JSON.stringify(settings)}::jsonb)`,
      updatedAt: new Date(),
    })
    .where(eq(organisation.id, organisationId));
}

/**
 * Everything an intake needs of its organisation, in one read: name, case and front-office settings, calendar,
 * its own message templates and its active webhook subscriptions.
 */
export async function intakeContext(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      name: organisation.name,
      slug: organisation.slug,
      cases: sql<unknown>`${organisation.settings} -> 'cases'`,
      frontOffice: sql<unknown>`${organisation.settings} -> 'frontOffice'`,
      calendar: workingCalendar.definition,
      templates: sql<OwnTemplate[]>`(
        SELECT coalesce(jsonb_agg(jsonb_build_object('key', t.key, 'name', t.name, 'subject', t.subject,
               'body', t.body, 'version', t.version)), '[]'::jsonb)
        FROM ${messageTemplate} t WHERE t.organisation_id = ${organisation.id})`,
      webhooks: sql<ActiveSubscription[]>`(
        SELECT coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'eventTypes', s.event_types)), '[]'::jsonb)
        FROM ${webhookSubscription} s WHERE s.organisation_id = ${organisation.id} AND s.active)`,
    })
    .from(organisation)
    .leftJoin(workingCalendar, eq(workingCalendar.organisationId, organisation.id))
    .where(eq(organisation.id, organisationId));
  const cases = caseSettingsSchema.safeParse(row?.cases ?? {});
  const frontOffice = frontOfficeSettingsSchema.safeParse(row?.frontOffice ?? {});
  return {
    settings: {
      ...(cases.success ? cases.data : caseSettingsSchema.parse({})),
      organisationName: row?.name ?? '',
      organisationSlug: row?.slug ?? '',
    },
    frontOffice: (frontOffice.success
      ? frontOffice.data
      : frontOfficeSettingsSchema.parse({})) as FrontOfficeSettings,
    calendar: (row?.calendar as CalendarDefinition | null) ?? DEFAULT_CALENDAR,
    templates: mergeTemplates(row?.templates ?? []),
    webhooks: row?.webhooks ?? [],
  };
}
export type IntakeContext = Awaited<ReturnType<typeof intakeContext>>;
