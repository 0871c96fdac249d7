import type { ReactNode } from 'react';
import { Table } from '../../plugins/page-parts.tsx';
import { Chart, figureText, PageStyle } from './accountability.parts.tsx';
import type { Performance, ServicePerformance } from './accountability.service.ts';
import { type AccountabilityWords, channelName, normWords } from './accountability.words.ts';

/**
 * "Hoe goed helpen wij u?" (/p/<slug>/prestaties): the organisation's promises and how often it kept them, why
 * not, satisfaction, complaints and first-contact resolution — server-rendered, no script (ADR 0022), each chart
 * with the table of its figures.
 */
export interface PublicPageProps {
  words: AccountabilityWords;
  organisation: string;
  quarter: { label: string; figures: Performance };
  year: { label: string; figures: Performance };
  openData: { href: string; text: string }[];
  /**
   * EXTENSION POINT "Wat we hebben verbeterd" (issue 14, item 6): the excellence issue fills this section with
   * the improvements made after what these figures showed. Until then nothing is shown — no empty promise.
   */
  improvements?: ReactNode;
}

/** At most this many services in a chart (the table has them all): the ones with the most cases. */
const CHART_SERVICES = 15;

export function topServices(services: ServicePerformance[]): ServicePerformance[] {
  return services
    .filter((s) => s.normCompliance.value !== null)
    .sort((a, b) => (b.closed.value ?? 0) - (a.closed.value ?? 0) || a.name.nl.localeCompare(b.name.nl, 'nl'))
    .slice(0, CHART_SERVICES);
}

export function PublicPerformancePage(props: PublicPageProps) {
  const { words: w, quarter, year } = props;
  const lang = w.lang;
  const f = (x: Parameters<typeof figureText>[0], suffix = '') => figureText(x, lang, w, suffix);
  const services = year.figures.services;
  const inQuarter = new Map(quarter.figures.services.map((s) => [s.code, s]));
  const charted = topServices(services);
  const servicesChart =
    charted.length < services.length ? w.servicesChartTop(year.label) : w.servicesChart(year.label);
  const late = services.filter((s) => s.reasons.length > 0);
  const satisfaction = year.figures.satisfaction;
  const fcr = year.figures.firstContactResolution;
  const complaints = [quarter.figures.complaints, year.figures.complaints] as const;

  return (
    <>
      <PageStyle print={false} />
      <div className="vd-stack">
        <h1 className="utrecht-heading-1">{w.title}</h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{w.intro(props.organisation)}</p>
        <p className="utrecht-paragraph">{w.periods(quarter.label, year.label)}</p>
      </div>

      <section className="vd-section" aria-labelledby="services-title">
        <h2 className="utrecht-heading-2" id="services-title">
          {w.servicesTitle}
        </h2>
        <p className="utrecht-paragraph">{w.servicesIntro}</p>
        {charted.length ? (
          <Chart
            kind="bar"
            language={lang}
            input={{
              description: servicesChart,
              categories: charted.map((s) => s.name[lang]),
              series: [{ name: w.inNorm, values: charted.map((s) => s.normCompliance.value) }],
              max: 100,
              suffix: '%',
              horizontal: true,
            }}
          />
        ) : null}
        <Table
          rowHeaders
          id="services"
          caption={w.servicesChart(year.label)}
          head={[
            w.service,
            w.norm,
            `${w.inNorm} (${w.quarterShort})`,
            `${w.inNorm} (${w.yearShort})`,
            `${w.closed} (${w.yearShort})`,
          ]}
          numeric={[2, 3, 4]}
          rows={services.map((s) => [
            s.name[lang],
            normWords(s.norm, lang),
            inQuarter.get(s.code) ? f(inQuarter.get(s.code)!.normCompliance, '%') : w.none,
            f(s.normCompliance, '%'),
            f(s.closed),
          ])}
        />
      </section>

      <section className="vd-section" aria-labelledby="reasons-title">
        <h2 className="utrecht-heading-2" id="reasons-title">
          {w.reasonsTitle}
        </h2>
        {late.length ? (
          <>
            <p className="utrecht-paragraph">{w.reasonsIntro}</p>
            <Table
              rowHeaders
              id="reasons"
              caption={`${w.reasonsTitle} ${year.label}`}
              head={[w.service, w.reasons]}
              rows={late.map((s) => [
                s.name[lang],
                <ul key="r" className="utrecht-unordered-list">
                  {s.reasons.slice(0, 3).map((r) => (
                    <li key={r.code} className="utrecht-unordered-list__item">
                      {`${r.label[lang]} (${r.late.withheld ? w.lateWithheld : `${f(r.late)} ${w.late}`})`}
                    </li>
                  ))}
                </ul>,
              ])}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">{w.noLate}</p>
        )}
      </section>

      <section className="vd-section" aria-labelledby="satisfaction-title">
        <h2 className="utrecht-heading-2" id="satisfaction-title">
          {w.satisfactionTitle}
        </h2>
        <p className="utrecht-paragraph">{w.satisfactionIntro}</p>
        {satisfaction.length ? (
          <>
            {satisfaction.some((s) => s.gradeMean.value !== null) ? (
              <Chart
                kind="bar"
                language={lang}
                input={{
                  description: w.satisfactionChart(year.label),
                  categories: satisfaction.map((s) => channelName(s.channel, lang)),
                  series: [{ name: w.gradeMean, values: satisfaction.map((s) => s.gradeMean.value) }],
                  max: 10,
                }}
              />
            ) : null}
            <Table
              rowHeaders
              id="satisfaction"
              caption={w.satisfactionChart(year.label)}
              head={[w.channel, w.responses, w.gradeMean, w.gradeAtLeast7]}
              numeric={[1, 2, 3]}
              rows={satisfaction.map((s) => [
                channelName(s.channel, lang),
                f(s.responses),
                f(s.gradeMean),
                f(s.gradeAtLeast7, '%'),
              ])}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">{w.noSatisfaction}</p>
        )}
      </section>

      <section className="vd-section" aria-labelledby="complaints-title">
        <h2 className="utrecht-heading-2" id="complaints-title">
          {w.complaintsTitle}
        </h2>
        <p className="utrecht-paragraph">{w.complaintsIntro}</p>
        <Table
          rowHeaders
          id="complaints"
          caption={w.complaintsCaption}
          head={[w.measure, `${w.quarter}: ${quarter.label}`, `${w.year}: ${year.label}`]}
          numeric={[1, 2]}
          rows={[
            [w.decided, ...complaints.map((c) => f(c.decided))],
            [w.decidedInTerm, ...complaints.map((c) => f(c.decidedInTerm, '%'))],
            [w.founded, ...complaints.map((c) => f(c.founded))],
            [w.partlyFounded, ...complaints.map((c) => f(c.partlyFounded))],
            [w.unfounded, ...complaints.map((c) => f(c.unfounded))],
            [w.withdrawn, ...complaints.map((c) => f(c.withdrawn))],
          ]}
        />
      </section>

      <section className="vd-section" aria-labelledby="fcr-title">
        <h2 className="utrecht-heading-2" id="fcr-title">
          {w.fcrTitle}
        </h2>
        <p className="utrecht-paragraph">{w.fcrIntro}</p>
        {fcr.length > 1 ? (
          <>
            <Chart
              kind="bar"
              language={lang}
              input={{
                description: w.fcrChart(year.label),
                categories: fcr.map((c) => channelName(c.channel, lang)),
                series: [{ name: w.fcr, values: fcr.map((c) => c.firstContactResolution.value) }],
                max: 100,
                suffix: '%',
              }}
            />
            <Table
              rowHeaders
              id="fcr"
              caption={w.fcrChart(year.label)}
              head={[w.channel, w.contacts, w.fcr]}
              numeric={[1, 2]}
              rows={fcr.map((c) => [
                channelName(c.channel, lang),
                f(c.contacts),
                f(c.firstContactResolution, '%'),
              ])}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">{w.noContacts}</p>
        )}
      </section>

      {props.improvements ?? null}

      <section className="vd-section" aria-labelledby="open-data-title">
        <h2 className="utrecht-heading-2" id="open-data-title">
          {w.openDataTitle}
        </h2>
        <p className="utrecht-paragraph">{w.openData}</p>
        <ul className="utrecht-unordered-list">
          {props.openData.map((link) => (
            <li key={link.href} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={link.href}>
                {link.text}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="vd-section" aria-labelledby="about-title">
        <h2 className="utrecht-heading-2" id="about-title">
          {w.aboutTitle}
        </h2>
        {w.about.map((line) => (
          <p key={line} className="utrecht-paragraph">
            {line}
          </p>
        ))}
      </section>
    </>
  );
}

export function NotFoundPage({ words }: { words: AccountabilityWords }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{words.notFoundTitle}</h1>
      <p className="utrecht-paragraph">{words.notFound}</p>
    </>
  );
}
