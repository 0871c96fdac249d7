import type { Db } from '@voordeur/db';
import { type FrontOfficeSettings, frontOfficeSettingsSchema } from '@voordeur/shared';
import * as q from './customers.queries.ts';

/** The organisation's front-office settings (repeat window, auto-close, callback norm, areas), with defaults. */
export async function frontOfficeSettings(db: Db, organisationId: string): Promise<FrontOfficeSettings> {
  const stored = await q.storedFrontOfficeSettings(db, organisationId);
  const parsed = frontOfficeSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : frontOfficeSettingsSchema.parse({});
}

/** The district a postcode lies in, from the organisation's postcode ranges. */
export function areaFor(settings: FrontOfficeSettings, postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const pc4 = postcode.slice(0, 4);
  return settings.areas.find((a) => a.postcodes.some((r) => pc4 >= r.from && pc4 <= r.to))?.name ?? null;
}

/** A Dutch postcode written in free text ("Parklaan 3, 1241 EF"): capitals only, so "1234 en" is no postcode. */
const POSTCODE_IN_TEXT = /(?<![0-9A-Za-z])([1-9][0-9]{3}) ?(?!SA|SD|SS)([A-Z]{2})(?![0-9A-Za-z])/;

/**
 * The district of a case: where the reported location lies — its address's postcode, or a postcode written in
 * its description. Unknown (null) when the location names no postcode in one of the districts, or when no
 * location was reported: the reporter's home address says nothing about where a broken street light stands.
 */
export function areaOfLocation(
  settings: FrontOfficeSettings,
  location:
    | { address?: { postcode: string } | undefined; description?: string | undefined }
    | null
    | undefined,
): string | null {
  if (!location) return null;
  const postcode = location.address?.postcode ?? POSTCODE_IN_TEXT.exec(location.description ?? '')?.[1];
  return areaFor(settings, postcode);
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
