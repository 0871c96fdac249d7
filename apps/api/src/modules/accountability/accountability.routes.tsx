import { publicImprovementSchema } from '@voordeur/shared';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { AppError, errors } from '../../plugins/errors.ts';
import { publicProblemResponses } from '../../plugins/problem-types.ts';
import { actorFromSession, SESSION_COOKIE } from '../auth/index.ts';
// ---- improvements (issue 15): "Wat we hebben verbeterd" ----
import { PublicImprovementsSection, publicImprovements } from '../improvements/index.ts';
// ---- end improvements ----
import { NotFoundPage, PublicPerformancePage } from './accountability.page.tsx';
import { periodLabel, periodOf, spanLabel } from './accountability.periods.ts';
import { mayReadReport } from './accountability.policy.ts';
import { CSV_COLUMNS, openDataRows, openDataSchema, presentOpenData } from './accountability.presenter.ts';
import { NotAllowedPage, ReportPage } from './accountability.report.tsx';
import {
  askedPeriod,
  findOrganisation,
  performance,
  periodicReport,
  publicPeriods,
} from './accountability.service.ts';
import { REPORT_WORDS, WORDS } from './accountability.words.ts';

const pageQuery = z.object({ lang: z.string().max(10).optional() });
const language = (q: { lang?: string | undefined }) => (q.lang === 'en' ? 'en' : 'nl');
const withLang = (path: string, lang: 'nl' | 'en') => (lang === 'en' ? `${path}?lang=en` : path);

export async function accountabilityRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const pageLimit = { max: app.config.rateLimitPerMinute, timeWindow: 60_000 };
  const config = (rateLimit: object) => ({ public: true, rateLimit });

  /** "Hoe goed helpen wij u?": anyone, no login, no script (ADR 0022). */
  app.get(
    '/p/:slug/prestaties',
    {
      config: config(pageLimit),
      schema: { hide: true, params: z.object({ slug: z.string().min(1).max(100) }), querystring: pageQuery },
    },
    async (request, reply) => {
      const lang = language(request.query);
      const w = WORDS[lang];
      const org = await findOrganisation(app.db, request.params.slug);
      if (!org)
        return reply.sendPage({
          language: lang,
          title: w.notFoundTitle,
          home: '/',
          body: <NotFoundPage words={w} />,
          status: 404,
        });
      const spans = publicPeriods();
      const [quarter, year, improved] = await Promise.all([
        performance(app.db, org.id, spans.quarter),
        performance(app.db, org.id, spans.year),
        publicImprovements(app.db, org.id),
      ]);
      const self = `/p/${org.slug}/prestaties`;
      const lastQuarter = periodOf('quarter', spans.quarter.from);
      const lastYear = periodOf('year', spans.year.from);
      const openData = (code: string, label: string) =>
        (['json', 'csv'] as const).map((format) => ({
          href: `/api/public/performance?organisation=${encodeURIComponent(org.slug)}&period=${code}${format === 'csv' ? '&format=csv' : ''}`,
          text: w.openDataLink(label, format.toUpperCase()),
        }));
      return reply.sendPage({
        language: lang,
        title: w.title,
        organisation: org.name,
        home: `/p/${org.slug}`,
        otherLanguage: withLang(self, w.other.code),
        wide: true,
        body: (
          <PublicPerformancePage
            words={w}
            organisation={org.name}
            quarter={{ label: spanLabel(spans.quarter.from, spans.quarter.to, lang), figures: quarter }}
            year={{ label: spanLabel(spans.year.from, spans.year.to, lang), figures: year }}
            openData={[
              ...openData(lastQuarter.code, periodLabel(lastQuarter, lang)),
              ...openData(lastYear.code, periodLabel(lastYear, lang)),
            ]}
            improvements={
              improved.length > 0 ? <PublicImprovementsSection lang={lang} items={improved} /> : undefined
            }
          />
        ),
      });
    },
  );

  /** Open data: the same figures per period, JSON or CSV (streamed), CC0. */
  app.get(
    '/api/public/performance',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary:
          'Open data (CC0 1.0): per published service the norm and the share of cases closed within it, the reasons when not, satisfaction and first-contact resolution per channel, complaints and their outcomes, for a quarter or a year. Counts below 5 are suppressed (null, `suppressed: true`). JSON, or CSV with `format=csv` (one row per figure).',
        querystring: z.strictObject({
          organisation: z
            .string()
            .min(1)
            .max(100)
            .meta({ description: "The organisation's slug, as in /p/<slug>." }),
          period: z
            .string()
            .max(20)
            .meta({ description: 'A quarter (2026-Q3) or a year (2026) that has begun.' }),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: {
          200: {
            description: 'The figures of the period.',
            content: {
              'application/json': {
                schema: openDataSchema.extend({
                  improvements: z.array(publicImprovementSchema).meta({
                    description:
                      'The improvements done in the period that the organisation published, with the effect measured when they were done; no names.',
                  }),
                }),
              },
              'text/csv': {
                schema: z.string().meta({
                  description: `Comma-separated, UTF-8, a header row and one row per figure: ${CSV_COLUMNS.join(', ')}.`,
                }),
              },
            },
          },
          ...publicProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const asked = askedPeriod(request.query.period, ['quarter', 'year']);
      const org = await findOrganisation(app.db, request.query.organisation);
      if (!org) throw errors.notFound('organisation');
      const data = presentOpenData(
        org,
        asked,
        await performance(app.db, org.id, { from: asked.period.from, to: asked.to }),
      );
      reply.header('cache-control', 'public, max-age=3600');
      if (request.query.format === 'json')
        return reply.type('application/json; charset=utf-8').send({
          ...data,
          // ---- improvements (issue 15): the published ones done in the period ----
          improvements: (await publicImprovements(app.db, org.id, 100)).filter(
            (i) => i.doneAt >= asked.period.from && i.doneAt <= asked.to,
          ),
        });
      const csv = stringify({ header: true, columns: [...CSV_COLUMNS], cast: { boolean: (b) => String(b) } });
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="prestaties-${org.slug}-${asked.period.code}.csv"`,
        );
      // Row by row through the stringifier's back-pressure: the file is never held whole.
      (async () => {
        for (const row of openDataRows(data)) {
          if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
        }
        csv.end();
      })().catch((e) => csv.destroy(e as Error));
      // A stream: the typed reply knows only the JSON body and the string of the document.
      return reply.send(csv as unknown as string);
    },
  );

  /** The periodic report: signed-in staff who may read the organisation's figures; others to the login. */
  app.get(
    '/rapportage/:period',
    {
      config: config(pageLimit),
      schema: { hide: true, params: z.object({ period: z.string().max(20) }), querystring: pageQuery },
    },
    async (request, reply) => {
      const lang = language(request.query);
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await actorFromSession(app.db, app.config, cookie) : null;
      if (!session) {
        const next = `/rapportage/${encodeURIComponent(request.params.period)}${lang === 'en' ? '?lang=en' : ''}`;
        return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
      }
      const { actor } = session;
      const page = async (status: number, title: string, body: ReactNode) =>
        reply.sendPage({
          language: lang,
          title,
          home: '/',
          body,
          status,
          wide: true,
        });
      if (!mayReadReport(actor))
        return page(403, REPORT_WORDS[lang].notAllowedTitle, <NotAllowedPage language={lang} />);
      let asked: ReturnType<typeof askedPeriod>;
      try {
        asked = askedPeriod(request.params.period, ['month', 'quarter', 'year']);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        return page(
          400,
          REPORT_WORDS[lang].badPeriodTitle,
          <>
            <h1 className="utrecht-heading-1">{REPORT_WORDS[lang].badPeriodTitle}</h1>
            <p className="utrecht-paragraph">{REPORT_WORDS[lang].badPeriod}</p>
          </>,
        );
      }
      const report = await periodicReport(app.db, actor.organisationId, asked);
      return reply.sendPage({
        language: lang,
        title: REPORT_WORDS[lang].title(periodLabel(asked.period, lang)),
        organisation: report.organisation.name,
        home: '/',
        wide: true,
        body: <ReportPage report={report} language={lang} />,
      });
    },
  );
}
