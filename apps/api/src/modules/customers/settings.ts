import { type Db, organisation } from '@voordeur/db';
import { type FrontOfficeSettings, frontOfficeSettingsSchema } from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';

/** The organisation's front-office settings (repeat window, auto-close, callback norm, areas), with defaults. */
export async function frontOfficeSettings(db: Db, organisationId: string): Promise<FrontOfficeSettings> {
  const [row] = await db
    .select({ settings: sql<unknown>`${organisation.settings} -> 'frontOffice'` })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  const parsed = frontOfficeSettingsSchema.safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data : frontOfficeSettingsSchema.parse({});
}

export function saveFrontOfficeSettings(db: Db, organisationId: string, settings: FrontOfficeSettings) {
  return db
    .update(organisation)
    .set({
      settings: sql`jsonb_set(${organisation.settings}, '{frontOffice}', ${JSON.stringify(settings)}::jsonb)`,
      updatedAt: new Date(),
    })
    .where(eq(organisation.id, organisationId));
}

/** The district a postcode lies in, from the organisation's postcode ranges. */
export function areaFor(settings: FrontOfficeSettings, postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const pc4 = postcode.slice(0, 4);
  return settings.areas.find((a) => a.postcodes.some((r) => pc4 >= r.from && pc4 <= r.to))?.name ?? null;
}

/** Problems in a settings change that the schema cannot see: overlapping postcode ranges. */
export function settingsProblems(settings: FrontOfficeSettings) {
  const out: { field: string; message: string; code: string }[] = [];
  const ranges = settings.areas.flatMap((a, i) => a.postcodes.map((r, j) => ({ ...r, area: a.name, i, j })));
  for (const r of ranges) {
    if (r.from > r.to)
      out.push({
        field: `areas.${r.i}.postcodes.${r.j}`,
        message: 'from is after to',
        code: 'range_reversed',
      });
    const other = ranges.find((o) => o !== r && o.i !== r.i && o.from <= r.to && r.from <= o.to);
    if (other && r.i < other.i)
      out.push({
        field: `areas.${r.i}.postcodes.${r.j}`,
        message: `Overlaps with ${other.area}`,
        code: 'range_overlap',
      });
  }
  return out;
}
