import { PUBLIC_MIN_COUNT } from '@voordeur/shared';
import { z } from 'zod';
import type { Period } from './accountability.periods.ts';
import type { Organisation, Performance } from './accountability.service.ts';

/**
 * The open data (GET /api/public/performance): exactly these fields leave, for anyone, under CC0. Nothing about a
 * person — only counts and shares per service, channel and period, each count below PUBLIC_MIN_COUNT replaced by
 * null with `suppressed: true`.
 */
const figureSchema = (description: string) =>
  z
    .object({
      value: z
        .number()
        .nullable()
        .meta({
          description: `${description} Null when suppressed, or when there was nothing to measure.`,
        }),
      suppressed: z.boolean().meta({
        description: `True when the figure is not published: it rests on fewer than ${PUBLIC_MIN_COUNT} cases, answers or contacts, or (withheld) a suppressed figure could otherwise be worked out from it.`,
      }),
      withheld: z
        .literal(true)
        .optional()
        .meta({
          description: `Present when the figure is ${PUBLIC_MIN_COUNT} or more but not published: together with the figures around it, it would tell a suppressed one.`,
        }),
    })
    .meta({ description });

const localText = z.object({ nl: z.string(), en: z.string() });

export const LICENCE = {
  name: 'CC0 1.0 Universal (Public Domain Dedication)',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
} as const;

export const openDataSchema = z
  .object({
    organisation: z
      .object({ name: z.string(), slug: z.string() })
      .meta({ description: 'The organisation that publishes these figures.' }),
    licence: z
      .object({ name: z.string(), url: z.string() })
      .meta({ description: 'The figures may be used freely: CC0 1.0.' }),
    period: z
      .object({
        code: z.string().meta({ description: 'The period asked for: 2026-Q3 or 2026.' }),
        from: z.iso.date().meta({ description: 'First day (local date, Europe/Amsterdam).' }),
        to: z.iso
          .date()
          .meta({ description: 'Last day counted (inclusive): the end of the period, or today.' }),
        complete: z
          .boolean()
          .meta({ description: 'False while the period has not ended: figures may still change.' }),
      })
      .meta({ description: 'The period the figures are about.' }),
    minimumCount: z.number().int().meta({ description: 'Counts below this are suppressed.' }),
    services: z
      .array(
        z.object({
          code: z.string().meta({ description: "The service's code in the catalogue." }),
          name: localText.meta({ description: "The service's name in Dutch and English." }),
          kind: z.string().meta({ description: 'question, report, request, complaint …' }),
          norm: z
            .object({
              amount: z.number(),
              unit: z.string().meta({ description: 'working_days | working_hours | calendar_days | weeks' }),
            })
            .meta({ description: 'The published norm: the time the organisation promises to take.' }),
          closed: figureSchema('Cases of this service closed in the period.'),
          closedInNorm: figureSchema(
            'Of those, closed within the published norm (published with `closed`: the share tells it anyway).',
          ),
          normCompliance: figureSchema('Percentage closed within the norm (one decimal).'),
          breachReasons: z
            .array(
              z.object({
                code: z.string().meta({ description: "The reason's code." }),
                label: localText.meta({ description: 'The reason in plain words.' }),
                late: figureSchema('Cases closed after the norm for this reason.'),
              }),
            )
            .meta({ description: 'Why cases were closed after the norm, most frequent first.' }),
        }),
      )
      .meta({ description: 'Each published service for residents and businesses.' }),
    satisfaction: z
      .array(
        z.object({
          channel: z.string().meta({ description: 'web, phone, email, desk, …' }),
          responses: figureSchema('Survey answers about contacts and cases of this channel.'),
          gradeMean: figureSchema('Mean grade, 1–10 (one decimal).'),
          gradeAtLeast7: figureSchema('Percentage of grades of 7 or more.'),
        }),
      )
      .meta({ description: 'Satisfaction per channel (surveys).' }),
    firstContactResolution: z
      .array(
        z.object({
          channel: z.string().meta({ description: 'A channel, or `all` for all channels together.' }),
          contacts: figureSchema('Contacts with a recorded outcome.'),
          firstContactResolution: figureSchema('Percentage answered within the contact itself.'),
        }),
      )
      .meta({ description: 'First-contact resolution per channel.' }),
    complaints: z
      .object({
        decided: figureSchema('Complaints decided in the period.'),
        decidedInTerm: figureSchema('Percentage decided within the legal (Awb) term.'),
        founded: figureSchema('Decided as founded.'),
        partlyFounded: figureSchema('Decided as partly founded.'),
        unfounded: figureSchema('Decided as unfounded.'),
        withdrawn: figureSchema('Withdrawn.'),
      })
      .meta({ description: 'Complaints about how the organisation behaved, and their outcomes.' }),
  })
  .meta({ id: 'PublicPerformance' });

export type OpenData = z.infer<typeof openDataSchema>;

export function presentOpenData(
  org: Organisation,
  asked: { period: Period; to: string; complete: boolean },
  perf: Performance,
): OpenData {
  return {
    organisation: { name: org.name, slug: org.slug },
    licence: { ...LICENCE },
    period: { code: asked.period.code, from: asked.period.from, to: asked.to, complete: asked.complete },
    minimumCount: PUBLIC_MIN_COUNT,
    services: perf.services.map((s) => ({
      code: s.code,
      name: s.name,
      kind: s.kind,
      norm: { amount: s.norm.amount, unit: s.norm.unit },
      closed: s.closed,
      closedInNorm: s.closedInNorm,
      normCompliance: s.normCompliance,
      breachReasons: s.reasons.map((r) => ({ code: r.code, label: r.label, late: r.late })),
    })),
    satisfaction: perf.satisfaction,
    firstContactResolution: perf.firstContactResolution,
    complaints: perf.complaints,
  };
}

/** The CSV's columns: one row per figure ("long" format, what spreadsheets and statistics tools read best). */
export const CSV_COLUMNS = [
  'organisation',
  'period',
  'from',
  'to',
  'section',
  'subject',
  'subject_name',
  'measure',
  'value',
  'suppressed',
  'licence',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

/** The same figures as the JSON, row by row (a generator: the CSV is streamed, never built whole). */
export function* openDataRows(data: OpenData): Generator<Row> {
  const base = {
    organisation: data.organisation.name,
    period: data.period.code,
    from: data.period.from,
    to: data.period.to,
    licence: data.licence.url,
  };
  const row = (
    section: string,
    subject: string,
    name: string,
    measure: string,
    f: { value: number | null; suppressed: boolean },
  ): Row => ({
    ...base,
    section,
    subject,
    subject_name: name,
    measure,
    value: f.value,
    suppressed: f.suppressed,
  });
  for (const s of data.services) {
    yield row('services', s.code, s.name.nl, 'closed', s.closed);
    yield row('services', s.code, s.name.nl, 'closedInNorm', s.closedInNorm);
    yield row('services', s.code, s.name.nl, 'normCompliance', s.normCompliance);
    for (const r of s.breachReasons) yield row('breachReasons', s.code, s.name.nl, `late:${r.code}`, r.late);
  }
  for (const s of data.satisfaction) {
    yield row('satisfaction', s.channel, s.channel, 'responses', s.responses);
    yield row('satisfaction', s.channel, s.channel, 'gradeMean', s.gradeMean);
    yield row('satisfaction', s.channel, s.channel, 'gradeAtLeast7', s.gradeAtLeast7);
  }
  for (const c of data.firstContactResolution) {
    yield row('firstContactResolution', c.channel, c.channel, 'contacts', c.contacts);
    yield row(
      'firstContactResolution',
      c.channel,
      c.channel,
      'firstContactResolution',
      c.firstContactResolution,
    );
  }
  for (const [measure, f] of Object.entries(data.complaints))
    yield row('complaints', 'all', 'all', measure, f);
}
