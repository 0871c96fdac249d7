import type { waitingImport } from '@voordeur/db';
import type { WaitingChannel, WaitingFigure, WaitingImport } from '@voordeur/shared';
import type { WaitingSums } from './waiting.queries.ts';

/** A share in % with one decimal; null when there is nothing to divide by. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
const mean = (sum: number, n: number) => (n > 0 ? Math.round(sum / n) : null);

export function presentFigure(s: WaitingSums): WaitingFigure {
  return {
    key: s.key,
    channel: s.channel as WaitingChannel,
    offered: s.offered,
    answered: s.answered,
    abandoned: s.abandoned,
    answeredInTarget: s.answeredInTarget,
    answeredInTargetRate: percent(s.answeredInTarget, s.offered),
    abandonedRate: percent(s.abandoned, s.offered),
    waitMeanSeconds: mean(s.waitSeconds, s.answered),
    handledMeanSeconds: mean(s.handledSeconds, s.answered),
  };
}

export function presentImport(i: typeof waitingImport.$inferSelect): WaitingImport {
  return {
    id: i.id,
    format: i.format as 'csv' | 'json',
    rows: i.rows,
    firstDay: i.firstDay,
    lastDay: i.lastDay,
    importedBy: i.importedBy,
    createdAt: i.createdAt.toISOString(),
  };
}
