/**
 * The improvement inbox of the demo (issue 15): a few of the demo's own unhappy survey answers get a comment
 * (two themes, three answers each, about the same service), colleagues and residents send similar suggestions,
 * and the inbox collects and clusters everything — so that groups of three and more exist on the first visit.
 */
import type { Db } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { collect } from '../modules/signals/index.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const THEMES = [
  [
    'Ik moest veel te lang wachten op het terugbellen.',
    'Ik moest echt veel te lang wachten op het terugbellen.',
    'Veel te lang moeten wachten op het terugbellen.',
  ],
  [
    'De brief over mijn aanvraag was niet duidelijk.',
    'De brief over de aanvraag was niet duidelijk genoeg.',
    'Brief over mijn aanvraag was echt niet duidelijk.',
  ],
];

const STAFF = [
  'Zet de openingstijden van de balie bovenaan de website, inwoners bellen daar vaak over.',
  'Openingstijden van de balie bovenaan de website zetten, daar bellen inwoners vaak over.',
  'Graag de openingstijden van de balie bovenaan op de website, veel inwoners bellen erover.',
];

const RESIDENT = [
  'Een bankje bij de bushalte op het plein zou fijn zijn voor ouderen.',
  'Kunnen er meer prullenbakken komen in het park bij de speeltuin?',
];

export async function seedDemoSignals(db: Db, organisationId: string, userIds: Map<string, string>) {
  // The two services with the most unhappy answers, three answers each.
  const items = rowsOf<{ item_code: string }>(
    await db.execute(sql`
      SELECT item_code FROM survey_response
      WHERE organisation_id = ${organisationId} AND grade <= 5 AND item_code IS NOT NULL
      AND answered_at >= now() - interval '21 days'
      GROUP BY item_code ORDER BY count(*) DESC, item_code LIMIT 2`),
  );
  for (const [i, item] of items.entries()) {
    const answers = rowsOf<{ id: string }>(
      await db.execute(sql`
        SELECT id FROM survey_response
        WHERE organisation_id = ${organisationId} AND grade <= 5 AND item_code = ${item.item_code}
          AND answered_at >= now() - interval '21 days'
        ORDER BY answered_at DESC LIMIT 3`),
    );
    for (const [j, a] of answers.entries())
      await db.execute(sql`
        UPDATE survey_response SET comment = ${THEMES[i]![j]!}
        WHERE organisation_id = ${organisationId} AND id = ${a.id}`);
  }
  const staff = [...userIds.values()].slice(0, STAFF.length);
  const day = 86_400_000;
  for (const [i, text] of STAFF.entries())
    await db.execute(sql`
      INSERT INTO signal (organisation_id, kind, source_key, text, page, created_by, occurred_at)
      VALUES (${organisationId}, 'staff_suggestion', ${`demo-staff-${i}`}, ${text}, '/workspace',
        ${staff[i % staff.length] ?? null}, ${new Date(Date.now() - (i + 1) * 3 * day)})
      ON CONFLICT DO NOTHING`);
  for (const [i, text] of RESIDENT.entries())
    await db.execute(sql`
      INSERT INTO signal (organisation_id, kind, source_key, text, occurred_at)
      VALUES (${organisationId}, 'resident_suggestion', ${`demo-resident-${i}`}, ${text},
        ${new Date(Date.now() - (i + 2) * day)})
      ON CONFLICT DO NOTHING`);
  // The last three weeks now (the seed stays quick); the worker's catch-up collects the rest of the look-back.
  await collect(db, organisationId, new Date(), 21);
}
