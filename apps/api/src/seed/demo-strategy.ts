/**
 * The demo organisation's strategy (issue 15): a service vision with its values, four objectives with KPI targets
 * and actions (dated relative to today), and one matter in the integrity register. Written through the modules'
 * services, so the audit trail and the rules are the API's.
 */
import type { Db } from '@voordeur/db';
import { recordIntegrity } from '../modules/integrity/index.ts';
import { addAction, addTarget, adoptVision, createObjective } from '../modules/strategy/index.ts';
import { findTeamByName } from '../modules/teams/index.ts';
import type { Ctx } from '../platform/actor.ts';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoStrategy(tx: Db, ctx: Ctx, userIds: Map<string, string>, now = new Date()) {
  const organisationId = ctx.actor.organisationId;
  const user = (email: string) => userIds.get(email)!;
  const days = (n: number) => iso(new Date(now.getTime() + n * DAY));
  const year = now.getUTCFullYear();
  await adoptVision(
    tx,
    ctx,
    {
      vision:
        'Iedereen in onze gemeente krijgt snel en zeker antwoord, via het kanaal dat bij hem of haar past. Digitaal als het kan, persoonlijk als het nodig is.',
      mission:
        'Wij helpen inwoners, ondernemers en organisaties in één keer goed. We doen wat we beloven en laten zien hoe het gaat.',
      values: [
        { name: 'Snel en zeker', description: 'We geven een goed antwoord binnen de tijd die we beloven.' },
        { name: 'Open', description: 'We laten zien wat we doen, ook als iets niet goed gaat.' },
        {
          name: 'Digitaal tenzij',
          description: 'Online is de makkelijkste weg; wie hulp nodig heeft, krijgt die.',
        },
        { name: 'Dichtbij', description: 'We kennen de wijk en denken mee.' },
      ],
      stakeholders: ['bewonerspanel', 'ondernemersvereniging', 'gemeenteraad'],
      adoptedOn: days(-400),
      nextReviewOn: days(-20),
    },
    now,
  );
  const kcc = (await findTeamByName(tx, organisationId, 'KCC'))?.id ?? null;
  const manager = user('manager@voorbeeld.nl');
  const teamlead = user('teamlead@voorbeeld.nl');
  const quality = user('quality@voorbeeld.nl');
  const period = { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` };
  const top = await createObjective(
    tx,
    ctx,
    {
      title: 'Inwoners zijn tevreden over onze dienstverlening',
      description: 'Het gemiddelde rapportcijfer is minstens een 7,5.',
      ownerId: manager,
      teamId: null,
      parentId: null,
      ...period,
    },
    now,
  );
  await addTarget(tx, ctx, top.id, { kpiCode: 'grade_mean', target: 7.5, filter: {} });
  const first = await createObjective(
    tx,
    ctx,
    {
      title: 'In één keer goed aan de voordeur',
      description: 'Vier op de vijf vragen beantwoordt het KCC meteen.',
      ownerId: teamlead,
      teamId: kcc,
      parentId: top.id,
      ...period,
    },
    now,
  );
  await addTarget(tx, ctx, first.id, { kpiCode: 'fcr', target: 80, filter: kcc ? { teamId: kcc } : {} });
  await addAction(
    tx,
    ctx,
    first.id,
    { title: 'Kennisbank aanvullen met de tien meest gestelde vragen', ownerId: teamlead, dueOn: days(-10) },
    now,
  );
  await addAction(
    tx,
    ctx,
    first.id,
    { title: 'Terugbelafspraak binnen één werkdag invoeren', ownerId: teamlead, dueOn: days(30) },
    now,
  );
  const norms = await createObjective(
    tx,
    ctx,
    {
      title: 'We doen wat we beloven',
      description: 'Negen van de tien zaken zijn binnen de openbare norm afgehandeld.',
      ownerId: manager,
      teamId: null,
      parentId: top.id,
      ...period,
    },
    now,
  );
  await addTarget(tx, ctx, norms.id, { kpiCode: 'norm_compliance', target: 90, filter: {} });
  await addTarget(tx, ctx, norms.id, { kpiCode: 'complaints_in_term', target: 95, filter: {} });
  await addAction(
    tx,
    ctx,
    norms.id,
    {
      title: 'Wekelijks de zaken bespreken die de norm dreigen te missen',
      ownerId: manager,
      dueOn: days(14),
    },
    now,
  );
  const digital = await createObjective(
    tx,
    ctx,
    {
      title: 'Digitaal als het kan',
      description: 'Meer inwoners regelen hun zaken online, zonder dat het moeite kost.',
      ownerId: quality,
      teamId: null,
      parentId: null,
      ...period,
    },
    now,
  );
  await addTarget(tx, ctx, digital.id, { kpiCode: 'digital_share', target: 60, filter: {} });
  await addTarget(tx, ctx, digital.id, { kpiCode: 'effort_mean', target: 4, filter: {} });

  // One matter in the integrity register, recorded by the integrity officer.
  const officer: Ctx = { ...ctx, actor: { ...ctx.actor, roles: new Set(['integrity']) } };
  await recordIntegrity(
    tx,
    officer,
    {
      kind: 'side_job',
      occurredOn: days(-35),
      summary:
        'Medewerker meldt een nevenfunctie als bestuurslid van een sportvereniging die subsidie aanvraagt.',
      peopleConcerned: 'Medewerker subsidies (team Backoffice)',
      measures: 'Medewerker behandelt geen aanvragen van deze vereniging.',
    },
    now,
  );
}
