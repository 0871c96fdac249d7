/**
 * Demo queue figures: 90 days of weekdays for three phone queues and the town hall's desk, daily rows pushed
 * through the import itself (so the demo exercises the same checks). Reproducible: a fixed pseudo-random sequence.
 */
import type { Db } from '@voordeur/db';
import type { Ctx } from '../../platform/actor.ts';
import { localDate } from '../calendar/index.ts';
import * as q from './waiting.queries.ts';
import { importWaiting } from './waiting.service.ts';

const QUEUES = [
  { channel: 'phone', queue: 'Algemeen', volume: 420, target: 30, wait: 55, handled: 260, service: 0.8 },
  { channel: 'phone', queue: 'Burgerzaken', volume: 160, target: 30, wait: 75, handled: 330, service: 0.72 },
  { channel: 'phone', queue: 'Belastingen', volume: 90, target: 30, wait: 40, handled: 300, service: 0.86 },
  { channel: 'desk', queue: 'Stadhuis', volume: 120, target: 600, wait: 420, handled: 540, service: 0.9 },
] as const;

export async function seedDemoWaiting(tx: Db, ctx: Ctx, now = new Date()) {
  if ((await q.countIntervals(tx, ctx.actor.organisationId)) > 0) return;
  let state = 14;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const rows: Record<string, string | number | null>[] = [];
  const today = new Date(`${localDate(now)}T12:00:00Z`);
  for (let back = 90; back >= 1; back--) {
    const day = new Date(today.getTime() - back * 86_400_000);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // Mondays are busiest, Fridays quietest; a busy day waits longer.
    const load = [1, 1.25, 1.05, 1, 0.95, 0.8, 1][weekday]! * (0.85 + random() * 0.3);
    for (const queue of QUEUES) {
      const offered = Math.round(queue.volume * load);
      const abandonedShare =
        (queue.channel === 'phone' ? 0.03 : 0.01) + (load - 0.9) * 0.1 * random() + 0.02 * random();
      const abandoned = Math.max(0, Math.round(offered * abandonedShare));
      const answered = offered - abandoned;
      const inTarget = Math.min(
        answered,
        Math.round(answered * (queue.service - (load - 1) * 0.25 + (random() - 0.5) * 0.08)),
      );
      rows.push({
        date: day.toISOString().slice(0, 10),
        interval_start: null,
        channel: queue.channel,
        queue: queue.queue,
        offered,
        answered,
        abandoned,
        answered_in_target: Math.max(0, inTarget),
        target_seconds: queue.target,
        wait_seconds_total: Math.round(answered * queue.wait * load * (0.8 + random() * 0.4)),
        handled_seconds_total: Math.round(answered * queue.handled * (0.9 + random() * 0.2)),
      });
    }
  }
  await importWaiting(tx, ctx, { format: 'json', rows }, now);
}
