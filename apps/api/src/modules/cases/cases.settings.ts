import { type Db, organisation } from '@voordeur/db';
import { type CaseSettings, caseSettingsSchema } from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';

/** The organisation's case settings (breach reasons, warning time, complaint terms), with defaults. */
export async function caseSettings(
  db: Db,
  organisationId: string,
): Promise<CaseSettings & { organisationName: string }> {
  const [row] = await db
    .select({ settings: sql<unknown>`${organisation.settings} -> 'cases'`, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  const parsed = caseSettingsSchema.safeParse(row?.settings ?? {});
  const settings = parsed.success ? parsed.data : caseSettingsSchema.parse({});
  return { ...settings, organisationName: row?.name ?? '' };
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
