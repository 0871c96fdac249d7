/**
 * Demo cases for Gemeente Voorbeeld, so that a first look at the queues shows work as it is: reports of a few
 * days ago (one past its norm, one past the internal target), work in progress with a worker, a complaint about
 * one of them, and an internal ICT report. Created through the cases service like any intake, received in the
 * past; the worker's norm-clock sweep then marks what is late, as it would have.
 */
import { caseFile, customer, type Db } from '@voordeur/db';
import { caseCreateSchema } from '@voordeur/shared';
import { and, eq } from 'drizzle-orm';
import { assign, type CaseDetail, intakeCase, transition } from '../modules/cases/index.ts';
import type { Ctx } from '../platform/actor.ts';

type Intake = ReturnType<typeof caseCreateSchema.parse>;

interface DemoCase {
  /** Received this many hours ago. */
  hoursAgo: number;
  customer?: string;
  intake: Omit<Intake, 'answers' | 'priority' | 'channel' | 'customerId'> & {
    answers?: Intake['answers'];
    priority?: Intake['priority'];
    channel?: Intake['channel'];
  };
  /** Statuses it moved through since, in order. */
  steps?: { to: string; message?: string }[];
  /** Assigned to this demo user. */
  assignee?: string;
  /** A complaint about the demo case with this index. */
  about?: number;
}

const address = (street: string, houseNumber: number, postcode: string) => ({
  address: { street, houseNumber, postcode, city: 'Voorbeeld' },
});

const day = 24;

/** The demo cases as received relative to `now` (dates in the answers too). */
export const demoCases = (now: Date): DemoCase[] => [
  {
    // Two weeks, whatever the holidays: always past its norm of five working days.
    hoursAgo: 14 * day,
    customer: 'Jan de Vries',
    intake: {
      itemCode: 'straatverlichting-kapot',
      description:
        'De lantaarnpaal voor Dorpsstraat 12 brandt al een week niet. ’s Avonds is het erg donker.',
      answers: { probleem: 'brandt_niet', paalnummer: 'VB-0412' },
      location: address('Dorpsstraat', 12, '1234 AB'),
      channel: 'desk',
    },
    steps: [{ to: 'beoordeling' }],
  },
  {
    hoursAgo: 26,
    customer: 'Kees Visser',
    intake: {
      itemCode: 'gat-in-de-weg',
      description:
        'Diep gat in het fietspad langs de Havenkade, bij de brug. Er is vanochtend iemand gevallen.',
      answers: { soort_weg: 'fietspad', grootte: 40 },
      location: address('Havenkade', 38, '1251 GH'),
      priority: 'urgent',
      channel: 'phone',
    },
    steps: [{ to: 'beoordeling' }, { to: 'ingepland' }],
    assignee: 'backoffice@voorbeeld.nl',
  },
  {
    hoursAgo: 50,
    customer: 'Fatima El Amrani',
    intake: {
      itemCode: 'afvalbak-vol',
      description: 'De afvalbak bij het speeltuintje aan de Molenweg puilt uit; het afval waait over straat.',
      answers: { probleem: 'vol' },
      location: address('Molenweg', 1, '1236 CD'),
      channel: 'phone',
    },
  },
  {
    hoursAgo: 4,
    intake: {
      itemCode: 'zwerfvuil-melden',
      description: 'Drie vuilniszakken en een oude stoel naast de glasbak op het Kerkplein.',
      answers: { soort_afval: 'zakken', email: 'melder@example.nl' },
      location: address('Kerkplein', 1, '1241 EF'),
      contactEmail: 'melder@example.nl',
      channel: 'web',
    },
  },
  {
    hoursAgo: 30,
    customer: 'Anna Jansen',
    intake: {
      itemCode: 'boom-groen-melden',
      description: 'A large branch of the oak in front of Kerkplein 7 is hanging loose above the pavement.',
      answers: { soort: 'boom', gevaar: true },
      location: address('Kerkplein', 7, '1241 EF'),
      priority: 'high',
      channel: 'email',
    },
    steps: [{ to: 'beoordeling' }],
    assignee: 'backoffice@voorbeeld.nl',
  },
  {
    hoursAgo: 2,
    customer: 'Bakkerij Van Dijk',
    intake: {
      itemCode: 'container-niet-geleegd',
      description: 'De papiercontainer achter de bakkerij is donderdag niet geleegd.',
      answers: {
        postcode: '1231 LM',
        huisnummer: '2',
        adres: 'Marktstraat 2',
        soort_container: 'papier',
        op_tijd: true,
      },
      channel: 'web',
    },
  },
  {
    hoursAgo: 20,
    customer: 'Jan de Vries',
    intake: {
      itemCode: 'klacht-indienen',
      description:
        'Ik heb de kapotte lantaarnpaal twee weken geleden gemeld en hoor niets. Niemand belt terug.',
      answers: {
        naam: 'Jan de Vries',
        datum_gebeurtenis: new Date(now.getTime() - 15 * day * 3_600_000).toISOString().slice(0, 10),
        klacht:
          'Mijn melding over de lantaarnpaal voor mijn deur ligt al twee weken stil. Ik wil weten wanneer hij gerepareerd wordt.',
      },
      channel: 'email',
    },
    about: 0,
  },
  {
    hoursAgo: 3,
    customer: 'Sanne de Groot',
    intake: {
      itemCode: 'laptop-defect',
      description: 'Laptop start niet meer op na de update van vanochtend; scherm blijft zwart.',
      answers: {
        naam: 'Sanne de Groot',
        personeelsnummer: 'E10231',
        afdeling: 'Burgerzaken',
        urgentie: 'kan_niet_werken',
        omschrijving: 'Na de update van vanochtend blijft het scherm zwart. Ik kan niet werken.',
      },
      channel: 'phone',
    },
  },
];

const ref = (d: CaseDetail) => ({ id: d.row.c.id, version: d.row.c.version });

/** Seeds the demo cases once: only when the organisation has no cases yet. */
export async function seedDemoCases(
  tx: Db,
  ctx: Ctx,
  organisationId: string,
  userIds: Map<string, string>,
  now = new Date(),
) {
  const existing = await tx
    .select({ id: caseFile.id })
    .from(caseFile)
    .where(eq(caseFile.organisationId, organisationId))
    .limit(1);
  if (existing.length) return 0;
  const created: { id: string; version: number }[] = [];
  for (const demo of demoCases(now)) {
    const customerId = demo.customer
      ? (
          await tx
            .select({ id: customer.id })
            .from(customer)
            .where(and(eq(customer.organisationId, organisationId), eq(customer.name, demo.customer)))
        )[0]?.id
      : undefined;
    const about = demo.about === undefined ? undefined : created[demo.about]?.id;
    const input = caseCreateSchema.parse({
      ...demo.intake,
      ...(customerId ? { customerId } : {}),
      ...(about ? { aboutCaseId: about } : {}),
    });
    const receivedAt = new Date(now.getTime() - demo.hoursAgo * 3_600_000);
    let c = ref(await intakeCase(tx, ctx, { ...input, receivedAt }));
    for (const step of demo.steps ?? [])
      c = ref(await transition(tx, ctx, c.id, { ...step, notify: true, version: c.version }));
    const assigneeId = demo.assignee ? userIds.get(demo.assignee) : undefined;
    if (assigneeId) {
      await assign(tx, ctx, { cases: [{ id: c.id, version: c.version }], assigneeId });
      c = { id: c.id, version: c.version + 1 };
    }
    created.push(c);
  }
  return created.length;
}
