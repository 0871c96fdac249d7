/**
 * Demo self-assessments (issue 15): last year's Service Excellence assessment, closed after its consensus round
 * (two raters who differed on a few elements), and this year's, still being scored — so the profile, the raters'
 * polygons and the trend have content. Dated relative to today; seeded once.
 */
import { assessment, assessmentElement, assessmentRater, assessmentScore, type Db } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { SHIPPED_MODELS } from '../modules/assessments/index.ts';

const DAY = 86_400_000;
const day = (daysAgo: number, now: Date) => new Date(now.getTime() - daysAgo * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Last year: [quality, manager, agreed] per element se-1 … se-12. */
const LAST_YEAR: [number, number, number][] = [
  [3, 3, 3],
  [2, 3, 2],
  [3, 2, 3],
  [2, 2, 2],
  [3, 3, 3],
  [2, 4, 3],
  [2, 2, 2],
  [3, 3, 3],
  [1, 3, 2],
  [3, 3, 3],
  [2, 2, 2],
  [4, 2, 3],
];
const NOTES: Record<string, string> = {
  'se-6': 'Werving en inwerken sluiten aan; waardering van goed werk is nog niet geregeld.',
  'se-9': 'Er zijn losse proeven, maar we meten niet of ze helpen.',
  'se-12': 'We meten veel, maar het management gebruikt de cijfers nog weinig.',
};
/** This year, scored so far by the manager (submitted) and partly by quality. */
const THIS_YEAR_MANAGER = [3, 3, 3, 3, 3, 4, 3, 3, 2, 3, 3, 3];

export async function seedDemoAssessments(
  db: Db,
  organisationId: string,
  users: Map<string, string>,
  now = new Date(),
) {
  const existing = await db
    .select({ id: assessment.id })
    .from(assessment)
    .where(eq(assessment.organisationId, organisationId))
    .limit(1);
  const quality = users.get('quality@voorbeeld.nl');
  const manager = users.get('manager@voorbeeld.nl');
  const teamlead = users.get('teamlead@voorbeeld.nl');
  if (existing.length || !quality || !manager || !teamlead) return;
  const model = SHIPPED_MODELS.find((m) => m.code === 'service-excellence')!;
  const codes = model.dimensions.flatMap((d) => d.elements.map((e) => e.code));
  const evidence = (text = '') => ({
    text,
    kpis: [] as string[],
    documents: [] as string[],
    improvements: [],
  });
  const year = now.getUTCFullYear();

  const [closed] = await db
    .insert(assessment)
    .values({
      organisationId,
      title: `Zelfevaluatie Service Excellence ${year - 1}`,
      modelCode: model.code,
      modelVersion: model.version,
      model,
      referenceDate: iso(day(380, now)),
      status: 'closed',
      createdBy: quality,
      closedAt: day(330, now),
      version: 3,
    })
    .returning();
  await db.insert(assessmentRater).values(
    [quality, manager].map((userId) => ({
      organisationId,
      assessmentId: closed!.id,
      userId,
      submittedAt: day(345, now),
    })),
  );
  await db.insert(assessmentScore).values(
    codes.flatMap((elementCode, i) =>
      [quality, manager].map((userId, r) => ({
        organisationId,
        assessmentId: closed!.id,
        userId,
        elementCode,
        level: LAST_YEAR[i]![r]!,
        evidence: evidence(
          elementCode === 'se-12' && r === 0 ? 'Het dashboard wordt elke maand besproken.' : '',
        ),
      })),
    ),
  );
  await db.insert(assessmentElement).values(
    codes.map((elementCode, i) => ({
      organisationId,
      assessmentId: closed!.id,
      elementCode,
      level: LAST_YEAR[i]![2]!,
      note: NOTES[elementCode] ?? '',
      decidedBy: quality,
    })),
  );

  const [open] = await db
    .insert(assessment)
    .values({
      organisationId,
      title: `Zelfevaluatie Service Excellence ${year}`,
      modelCode: model.code,
      modelVersion: model.version,
      model,
      referenceDate: iso(day(14, now)),
      status: 'scoring',
      createdBy: quality,
    })
    .returning();
  await db.insert(assessmentRater).values([
    { organisationId, assessmentId: open!.id, userId: manager, submittedAt: day(3, now) },
    { organisationId, assessmentId: open!.id, userId: quality },
    { organisationId, assessmentId: open!.id, userId: teamlead },
  ]);
  await db.insert(assessmentScore).values([
    ...codes.map((elementCode, i) => ({
      organisationId,
      assessmentId: open!.id,
      userId: manager,
      elementCode,
      level: THIS_YEAR_MANAGER[i]!,
      evidence: evidence(),
    })),
    ...codes.slice(0, 4).map((elementCode, i) => ({
      organisationId,
      assessmentId: open!.id,
      userId: quality,
      elementCode,
      level: [3, 3, 4, 3][i]!,
      evidence: evidence(),
    })),
  ]);
}
