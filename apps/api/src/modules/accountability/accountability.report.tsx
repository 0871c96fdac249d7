import { Table } from '../../plugins/page-parts.tsx';
import { topServices } from './accountability.page.tsx';
import { Chart, figureText, numberText, PageStyle } from './accountability.parts.tsx';
import { dayLabel, monthLabel, periodLabel } from './accountability.periods.ts';
import type { Report } from './accountability.service.ts';
import { channelName, normWords, REPORT_WORDS, WORDS } from './accountability.words.ts';

/**
 * The periodic report for the council and management (/rapportage/<period>): the period's KPIs against their
 * targets and the previous period, trends, norm compliance per service and team, breach reasons, complaints,
 * satisfaction and first-contact resolution per channel. Server-rendered, prints on A4 with each section on its
 * own page and without the page's navigation.
 */
export function ReportPage({ report, language }: { report: Report; language: 'nl' | 'en' }) {
  const r = REPORT_WORDS[language];
  const w = WORDS[language];
  const f = (x: Parameters<typeof figureText>[0], suffix = '') => figureText(x, language, w, suffix);
  const p = report.performance;
  const label = periodLabel(report.period, language);
  const pointLabel = (day: string) =>
    report.grain === 'month' ? monthLabel(day, language) : dayLabel(day, language);
  const closedServices = p.services.filter((s) => s.closed.value !== 0);
  const charted = topServices(closedServices);
  // Per reason: the shown counts summed, and whether a suppressed one (fewer than 5) or a withheld one (5 or more)
  // is left out of the sum.
  const reasons = new Map<string, { label: string; late: number; hidden: boolean; withheld: boolean }>();
  for (const s of p.services)
    for (const reason of s.reasons) {
      const entry = reasons.get(reason.code) ?? {
        label: reason.label[language],
        late: 0,
        hidden: false,
        withheld: false,
      };
      if (reason.late.withheld) entry.withheld = true;
      if (reason.late.suppressed) entry.hidden = true;
      else entry.late += reason.late.value ?? 0;
      reasons.set(reason.code, entry);
    }
  const reasonRows = [...reasons.values()].sort((a, b) => b.late - a.late);
  const c = p.complaints;

  return (
    <>
      <PageStyle print />
      <section className="vd-section" aria-labelledby="report-title">
        <h1 className="utrecht-heading-1" id="report-title">
          {r.title(label)}
        </h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">
          {r.subtitle(
            report.organisation.name,
            dayLabel(report.period.from, language),
            dayLabel(report.to, language),
          )}
        </p>
        {report.complete ? null : <p className="utrecht-paragraph">{r.incomplete}</p>}
        <p className="utrecht-paragraph vd-no-print">{r.print}</p>
        <h2 className="utrecht-heading-2">{r.summaryTitle}</h2>
        <p className="utrecht-paragraph">{r.summaryIntro(periodLabel(report.previous, language))}</p>
        <Table
          rowHeaders
          id="kpis"
          caption={`${r.summaryTitle} ${label}`}
          head={[r.kpi, r.value, r.previous, r.target, r.status]}
          numeric={[1, 2, 3]}
          rows={report.kpis.map((k) => [
            r.kpis[k.code],
            f(k.value),
            f(k.previous),
            k.target === null ? w.none : numberText(k.target, language),
            k.status === 'met' ? `✓ ${r.met}` : k.status === 'missed' ? `✗ ${r.missed}` : r.noStatus,
          ])}
        />
      </section>

      <section className="vd-section" aria-labelledby="trend-title">
        <h2 className="utrecht-heading-2" id="trend-title">
          {r.trendTitle}
        </h2>
        <p className="utrecht-paragraph">{r.trendIntro(report.grain)}</p>
        <Chart
          kind="line"
          language={language}
          input={{
            description: `${r.trendChart}, ${label}`,
            categories: report.trend.map((t) => pointLabel(t.period)),
            series: [
              { name: w.fcr, values: report.trend.map((t) => t.fcr.value) },
              { name: w.inNorm, values: report.trend.map((t) => t.normCompliance.value) },
            ],
            max: 100,
            suffix: '%',
            target: (() => {
              const fcr = report.kpis.find((k) => k.code === 'fcr')?.target;
              return fcr ? { value: fcr, label: `${r.target} ${numberText(fcr, language)}%` } : undefined;
            })(),
            width: 680,
            height: 260,
          }}
        />
        <Chart
          kind="line"
          language={language}
          input={{
            description: `${r.gradeChart}, ${label}`,
            categories: report.trend.map((t) => pointLabel(t.period)),
            series: [{ name: r.gradeChart, values: report.trend.map((t) => t.gradeMean.value) }],
            max: 10,
            width: 680,
            height: 220,
          }}
        />
        <Table
          rowHeaders
          id="trend"
          caption={`${r.trendTitle} ${label}`}
          head={[r.periodColumn(report.grain), w.fcr, w.inNorm, w.gradeMean]}
          numeric={[1, 2, 3]}
          rows={report.trend.map((t) => [
            pointLabel(t.period),
            f(t.fcr, '%'),
            f(t.normCompliance, '%'),
            f(t.gradeMean),
          ])}
        />
      </section>

      <section className="vd-section" aria-labelledby="norm-title">
        <h2 className="utrecht-heading-2" id="norm-title">
          {r.normTitle}
        </h2>
        {closedServices.length ? (
          <>
            <Chart
              kind="bar"
              language={language}
              input={{
                description:
                  charted.length < closedServices.length
                    ? w.servicesChartTop(label)
                    : `${r.normTitle}, ${label}`,
                categories: charted.map((s) => s.name[language]),
                series: [{ name: w.inNorm, values: charted.map((s) => s.normCompliance.value) }],
                max: 100,
                suffix: '%',
                width: 680,
                horizontal: true,
              }}
            />
            <Table
              rowHeaders
              id="norms"
              caption={`${r.normTitle}, ${label}`}
              head={[w.service, w.norm, w.closed, w.inNorm]}
              numeric={[2, 3]}
              rows={closedServices.map((s) => [
                s.name[language],
                normWords(s.norm, language),
                f(s.closed),
                f(s.normCompliance, '%'),
              ])}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">{r.noCases}</p>
        )}
        <h3 className="utrecht-heading-3">{r.teamTitle}</h3>
        {report.teams.length ? (
          <Table
            rowHeaders
            id="teams"
            caption={`${r.teamTitle}, ${label}`}
            head={[r.team, w.closed, w.inNorm, r.inTarget]}
            numeric={[1, 2, 3]}
            rows={report.teams.map((t) => [
              t.team ?? r.noTeam,
              f(t.closed),
              f(t.normCompliance, '%'),
              f(t.targetCompliance, '%'),
            ])}
          />
        ) : (
          <p className="utrecht-paragraph">{r.noCases}</p>
        )}
      </section>

      <section className="vd-section" aria-labelledby="reasons-title">
        <h2 className="utrecht-heading-2" id="reasons-title">
          {r.reasonsTitle}
        </h2>
        {reasonRows.length ? (
          <>
            <Chart
              kind="bar"
              language={language}
              input={{
                description: `${r.reasonsChart}, ${label}`,
                categories: reasonRows.map((x) => x.label),
                series: [{ name: w.late, values: reasonRows.map((x) => (x.hidden ? null : x.late)) }],
                width: 680,
                horizontal: true,
              }}
            />
            <Table
              rowHeaders
              id="breach-reasons"
              caption={`${r.reasonsChart}, ${label}`}
              head={[r.reason, w.late]}
              numeric={[1]}
              rows={reasonRows.map((x) => [
                x.label,
                x.hidden
                  ? `${numberText(x.late, language)} + ${x.withheld ? w.withheld : w.lessThan}`
                  : numberText(x.late, language),
              ])}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">{w.noLate}</p>
        )}
        <h3 className="utrecht-heading-3">{r.complaintsTitle}</h3>
        <Table
          rowHeaders
          id="complaints"
          caption={`${r.complaintsTitle}, ${label}`}
          head={[w.measure, label]}
          numeric={[1]}
          rows={[
            [w.decided, f(c.decided)],
            [w.decidedInTerm, f(c.decidedInTerm, '%')],
            [w.founded, f(c.founded)],
            [w.partlyFounded, f(c.partlyFounded)],
            [w.unfounded, f(c.unfounded)],
            [w.withdrawn, f(c.withdrawn)],
          ]}
        />
      </section>

      <section className="vd-section" aria-labelledby="channels-title">
        <h2 className="utrecht-heading-2" id="channels-title">
          {r.satisfactionTitle}
        </h2>
        {p.satisfaction.length ? (
          <>
            <Chart
              kind="bar"
              language={language}
              input={{
                description: `${r.satisfactionTitle}, ${label}`,
                categories: p.satisfaction.map((s) => channelName(s.channel, language)),
                series: [{ name: w.gradeMean, values: p.satisfaction.map((s) => s.gradeMean.value) }],
                max: 10,
                width: 680,
                height: 240,
              }}
            />
            <Table
              rowHeaders
              id="satisfaction"
              caption={`${r.satisfactionTitle}, ${label}`}
              head={[w.channel, w.responses, w.gradeMean, w.gradeAtLeast7]}
              numeric={[1, 2, 3]}
              rows={p.satisfaction.map((s) => [
                channelName(s.channel, language),
                f(s.responses),
                f(s.gradeMean),
                f(s.gradeAtLeast7, '%'),
              ])}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">{w.noSatisfaction}</p>
        )}
        <h3 className="utrecht-heading-3">{r.fcrTitle}</h3>
        {p.firstContactResolution.length > 1 ? (
          <Table
            rowHeaders
            id="fcr"
            caption={`${r.fcrTitle}, ${label}`}
            head={[w.channel, w.contacts, w.fcr]}
            numeric={[1, 2]}
            rows={p.firstContactResolution.map((x) => [
              channelName(x.channel, language),
              f(x.contacts),
              f(x.firstContactResolution, '%'),
            ])}
          />
        ) : (
          <p className="utrecht-paragraph">{w.noContacts}</p>
        )}
      </section>
    </>
  );
}

export function NotAllowedPage({ language }: { language: 'nl' | 'en' }) {
  const r = REPORT_WORDS[language];
  return (
    <>
      <h1 className="utrecht-heading-1">{r.notAllowedTitle}</h1>
      <p className="utrecht-paragraph">{r.notAllowed}</p>
    </>
  );
}
