import type { mysteryCheck, mysteryPoint } from '@voordeur/db';
import {
  type Channel,
  MYSTERY_STANDARD_POINTS,
  type MysteryAnswer,
  type MysteryCheck,
  type MysteryPoint,
} from '@voordeur/shared';

/** The standard points (every channel), then the organisation's own per channel. */
export function presentChecklist(own: (typeof mysteryPoint.$inferSelect)[]): MysteryPoint[] {
  return [
    ...MYSTERY_STANDARD_POINTS.map((key) => ({ key, channel: null, label: null })),
    ...own.map((p) => ({
      key: p.id,
      channel: p.channel as Channel,
      label: p.label as { nl: string; en?: string },
    })),
  ];
}

export function presentCheck(c: typeof mysteryCheck.$inferSelect, itemName: string | null): MysteryCheck {
  return {
    id: c.id,
    date: c.day,
    channel: c.channel as Channel,
    itemId: c.catalogueItemId,
    itemName,
    answers: c.answers as Record<string, MysteryAnswer>,
    score: c.met + c.notMet > 0 ? Math.round((1000 * c.met) / (c.met + c.notMet)) / 10 : null,
    note: c.note,
    recordedBy: c.recordedBy,
    createdAt: c.createdAt.toISOString(),
  };
}
