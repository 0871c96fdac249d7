import type { unitCost } from '@voordeur/db';
import { CHANNELS, type UnitCost } from '@voordeur/shared';

/** Every channel, with its cost or null when the organisation has set none. */
export function presentUnitCosts(rows: (typeof unitCost.$inferSelect)[]): UnitCost[] {
  const byChannel = new Map(rows.map((r) => [r.channel, r]));
  return CHANNELS.map((channel) => {
    const row = byChannel.get(channel);
    return {
      channel,
      cents: row?.cents ?? null,
      version: row?.version ?? 0,
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  });
}
