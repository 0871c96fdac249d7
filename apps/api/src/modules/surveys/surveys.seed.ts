import type { Db } from '@voordeur/db';
import type { SurveyDefinition } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import * as q from './surveys.queries.ts';
import { createSurvey, publish, putSettings, readSettings } from './surveys.service.ts';

/** The demo's survey: the four questions in plain Dutch (B1) and English. */
export const DEMO_SURVEY: SurveyDefinition = {
  code: 'kto-algemeen',
  title: { nl: 'Wat vond u ervan?', en: 'How did we do?' },
  intro: {
    nl: 'We willen graag weten hoe het ging. Er zijn vier korte vragen. Meedoen is vrijwillig.',
    en: 'We would like to know how it went. There are four short questions. Taking part is voluntary.',
  },
  grade: { nl: 'Welk rapportcijfer geeft u ons?', en: 'What grade from 1 to 10 do you give us?' },
  effort: { nl: 'Hoe makkelijk was het om geholpen te worden?', en: 'How easy was it to get help?' },
  solved: { nl: 'Is uw vraag of melding opgelost?', en: 'Was your question or report solved?' },
  comment: {
    nl: 'Wilt u nog iets tegen ons zeggen?',
    en: 'Is there anything else you would like to tell us?',
  },
};

/**
 * Seeds the demo's published survey and switches surveys on: a day after every closed case, after one in five
 * phone and desk contacts; a broken street light that is "not solved" is reopened. The cases seeded with it are not
 * surveyed (the invitation task starts looking from now). Adds nothing that exists.
 */
export async function seedDemoSurveys(tx: Db, ctx: Ctx) {
  const organisationId = ctx.actor.organisationId;
  if (await q.findSurvey(tx, organisationId, DEMO_SURVEY.code)) return;
  const created = await createSurvey(tx, ctx, DEMO_SURVEY);
  await publish(tx, ctx, DEMO_SURVEY.code, created.survey.version);
  const { version } = await readSettings(tx, organisationId);
  await putSettings(
    tx,
    ctx,
    {
      enabled: true,
      defaultSurvey: DEMO_SURVEY.code,
      items: [{ itemCode: 'straatverlichting-kapot', survey: DEMO_SURVEY.code, reopenWhenNotSolved: true }],
      channels: [
        { channel: 'phone', survey: null, contactSamplePercent: 20 },
        { channel: 'desk', survey: null, contactSamplePercent: 20 },
      ],
      delayHours: 24,
      cooldownDays: 90,
      reminderAfterDays: 5,
      expiresAfterDays: 21,
      lowGradeMax: 5,
      complimentMinGrade: 8,
    },
    version,
  );
  await q.setScannedUntil(tx, organisationId, new Date());
}
