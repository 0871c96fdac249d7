import { type ExcellenceOverview, KPI_CATALOGUE } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useExcellenceOverview } from './api.ts';

/** The excellence overview for management: how the organisation is doing on its objectives (and more as it lands). */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('strategy.overview.title'));
  const overview = useExcellenceOverview();
  const locale = intlLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
  const objectives = overview.data?.objectives;
  const en = i18n.language === 'en';
  const show = (v: number | null, unit: string) =>
    v === null ? '—' : `${number.format(v)}${unit === 'percent' ? '%' : ''}`;
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('strategy.overview.title')} intro={t('strategy.overview.intro')} />
      <ExcellenceNav />
      {overview.isError ? <ErrorAlert error={overview.error} /> : null}
      {overview.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {objectives ? (
        <Section
          headingId="overview-objectives"
          title={t('strategy.overview.objectivesTitle', {
            month: month.format(new Date(`${objectives.from}T12:00:00`)),
          })}
        >
          <Paragraph>
            {t('strategy.overview.counts', {
              met: objectives.met,
              missed: objectives.missed,
              unknown: objectives.unknown,
            })}{' '}
            <Link to={`/excellence/strategy/review?period=${objectives.period}`}>
              {t('strategy.overview.toReview')}
            </Link>
          </Paragraph>
          {objectives.objectives.length === 0 ? (
            <Paragraph>{t('strategy.overview.noObjectives')}</Paragraph>
          ) : (
            <Table caption={t('strategy.overview.caption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('strategy.overview.objective')}</TableHeaderCell>
                  <TableHeaderCell>{t('strategy.overview.targets')}</TableHeaderCell>
                  <TableHeaderCell>{t('strategy.overview.result')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {objectives.objectives.map((o) => (
                  <TableRow key={o.id}>
                    <TableHeaderCell scope="row">
                      {o.title}
                      {o.teamName ? <span className="vd-muted"> ({o.teamName})</span> : null}
                    </TableHeaderCell>
                    <TableCell>
                      {o.targets.length === 0
                        ? '—'
                        : o.targets.map((x) => (
                            <div key={x.id}>
                              {KPI_CATALOGUE[x.kpiCode].name[en ? 'en' : 'nl']}: {show(x.value, x.unit)}{' '}
                              <span className="vd-muted">
                                ({t('strategy.overview.target', { value: show(x.target, x.unit) })})
                              </span>
                            </div>
                          ))}
                    </TableCell>
                    <TableCell>
                      <StatusBadge
                        status={o.status === 'met' ? 'active' : o.status === 'missed' ? 'warning' : 'neutral'}
                      >
                        {t(`strategy.review.status.${o.status}`)}
                      </StatusBadge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      ) : null}
      {overview.data ? <ImprovementsSection improvements={overview.data.improvements} /> : null}
      {overview.data ? <AssessmentSection assessment={overview.data.assessment} /> : null}
    </div>
  );
}

/** The latest closed self-assessment: its agreed level per dimension, and the mean of each one since. */
function AssessmentSection({ assessment }: { assessment: ExcellenceOverview['assessment'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const locale = intlLocale(i18n.language);
  const level = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const show = (v: number | null) => (v === null ? '—' : level.format(v));
  const { latest, model } = assessment;
  return (
    <Section headingId="overview-assessment" title={t('strategy.overview.assessmentTitle')}>
      {!latest || !model ? (
        <Paragraph>{t('strategy.overview.assessmentNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('strategy.overview.assessmentLatest', {
              title: latest.title,
              date: day.format(new Date(latest.closedAt)),
              model: `${model.name[lang]} (v${model.version})`,
            })}{' '}
            <Link to={`/excellence/assessments/${latest.id}`}>{t('strategy.overview.toAssessment')}</Link>
          </Paragraph>
          <Table caption={t('strategy.overview.dimensionsCaption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('strategy.overview.dimension')}</TableHeaderCell>
                <TableHeaderCell className="utrecht-table__header-cell--numeric-column">
                  {t('strategy.overview.meanLevel')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {latest.dimensions.map((d) => (
                <TableRow key={d.code}>
                  <TableHeaderCell scope="row">{d.name[lang]}</TableHeaderCell>
                  <TableCell className="utrecht-table__cell--numeric-data">{show(d.mean)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {assessment.trend.length > 1 ? (
            <Table caption={t('strategy.overview.trendCaption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('strategy.overview.assessmentCol')}</TableHeaderCell>
                  <TableHeaderCell>{t('strategy.overview.closedOn')}</TableHeaderCell>
                  <TableHeaderCell className="utrecht-table__header-cell--numeric-column">
                    {t('strategy.overview.meanLevel')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {assessment.trend.map((x) => (
                  <TableRow key={x.id}>
                    <TableHeaderCell scope="row">{x.title}</TableHeaderCell>
                    <TableCell>{day.format(new Date(x.closedAt))}</TableCell>
                    <TableCell className="utrecht-table__cell--numeric-data">{show(x.mean)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </>
      )}
    </Section>
  );
}

function ImprovementsSection({ improvements }: { improvements: ExcellenceOverview['improvements'] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const day = new Intl.DateTimeFormat(intlLocale(i18n.language), { day: 'numeric', month: 'long' });
  const open = improvements.openByAge;
  return (
    <Section headingId="overview-improvements" title={t('strategy.overview.improvementsTitle')}>
      <Table caption={t('strategy.overview.byAgeCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('strategy.overview.under30')}</TableHeaderCell>
            <TableHeaderCell>{t('strategy.overview.from30to90')}</TableHeaderCell>
            <TableHeaderCell>{t('strategy.overview.over90')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>{open.under30}</TableCell>
            <TableCell>{open.from30to90}</TableCell>
            <TableCell>{open.over90}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {improvements.openByElement.length ? (
        <Table caption={t('strategy.overview.byElementCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('strategy.overview.element')}</TableHeaderCell>
              <TableHeaderCell>{t('strategy.overview.open')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {improvements.openByElement.map((e) => (
              <TableRow key={e.elementCode ?? 'none'}>
                <TableHeaderCell scope="row">
                  {e.name
                    ? `${en ? e.name.en : e.name.nl} (${e.elementCode})`
                    : (e.elementCode ?? t('strategy.overview.noElement'))}
                </TableHeaderCell>
                <TableCell>{e.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Heading level={3} id="overview-effects">
        {t('strategy.overview.effectsTitle')}
      </Heading>
      {improvements.doneThisYear.length === 0 ? (
        <Paragraph>{t('strategy.overview.noEffects')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {improvements.doneThisYear.map((d) => (
            <li key={d.id} className="utrecht-unordered-list__item">
              <strong>{d.title}</strong> (
              {t('strategy.overview.doneOn', { date: day.format(new Date(d.doneAt)) })})
              {d.effects.map((e) => (
                <Paragraph key={e.code}>{en ? e.explanation.en : e.explanation.nl}</Paragraph>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
