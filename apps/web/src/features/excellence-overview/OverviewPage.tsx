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
    </div>
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
                  {e.elementCode ?? t('strategy.overview.noElement')}
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
