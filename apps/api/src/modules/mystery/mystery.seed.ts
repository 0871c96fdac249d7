/** Demo mystery checks: a handful of test calls, emails and desk visits over the last two months. */
import type { Db } from '@voordeur/db';
import type { MysteryAnswer } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { localDate } from '../calendar/index.ts';
import * as q from './mystery.queries.ts';
import { recordCheck } from './mystery.service.ts';

const CHECKS: { daysAgo: number; channel: 'phone' | 'desk' | 'email'; misses: string[]; note: string }[] = [
  { daysAgo: 52, channel: 'phone', misses: ['answered_in_target'], note: 'Ruim 3 minuten in de wacht.' },
  {
    daysAgo: 45,
    channel: 'email',
    misses: ['followed_up'],
    note: 'Antwoord klopte; geen bericht over de vervolgstap.',
  },
  { daysAgo: 31, channel: 'desk', misses: [], note: '' },
  { daysAgo: 24, channel: 'phone', misses: [], note: 'Vriendelijk en snel geholpen.' },
  {
    daysAgo: 17,
    channel: 'phone',
    misses: ['correct_answer'],
    note: 'Verkeerde openingstijden van de milieustraat genoemd.',
  },
  {
    daysAgo: 9,
    channel: 'desk',
    misses: ['answered_in_target'],
    note: 'Twintig minuten gewacht zonder afspraak.',
  },
  { daysAgo: 3, channel: 'email', misses: [], note: '' },
];

export async function seedDemoMystery(tx: Db, ctx: Ctx, now = new Date()) {
  if (
    (await q.scoresPerChannel(tx, ctx.actor.organisationId, { from: '2000-01-01', to: localDate(now) }))
      .length
  )
    return;
  for (const c of CHECKS) {
    const answers: Record<string, MysteryAnswer> = {};
    for (const key of ['answered_in_target', 'correct_answer', 'courtesy', 'followed_up'])
      answers[key] = c.misses.includes(key) ? 'not_met' : 'met';
    if (c.channel === 'desk') answers.followed_up = 'na';
    await recordCheck(
      tx,
      ctx,
      {
        date: localDate(new Date(now.getTime() - c.daysAgo * 86_400_000)),
        channel: c.channel,
        answers,
        note: c.note,
      },
      now,
    );
  }
}
