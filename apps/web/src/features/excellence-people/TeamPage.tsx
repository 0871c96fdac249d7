import { KPI_CATALOGUE, type KpiUnit, PULSE_MIN_GROUP } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatValue } from '../../lib/charts/chartData.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table } from '../../ui/Table.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useTeamPage } from './api.ts';
import { ComplimentList, Muted, PulseTable, useDay } from './parts.tsx';
import './people.css';

/**
 * `/excellence/team/:teamId`: a team's own page — compliments (with whom they were for), residents' comments (for
 * who may read survey answers), the team's figures of the last 90 days and its pulse result when big enough.
 */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const { teamId = '' } = useParams();
  const page = useTeamPage(teamId);
  const day = useDay();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  useDocumentTitle(page.data?.team.name ?? t('people.team.title'));
  const words = {
    locale: lang === 'en' ? 'en-GB' : 'nl-NL',
    unitSuffix: (unit: KpiUnit) =>
      unit === 'days' ? (lang === 'en' ? 'days' : 'dagen') : unit === 'minutes' ? 'min' : '',
  };
  if (page.isError)
    return (
      <div className="vd-stack vd-stack--loose">
        <Heading level={1}>{t('people.team.title')}</Heading>
        <ExcellenceNav />
        <ErrorAlert error={page.error} />
      </div>
    );
  if (!page.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const d = page.data;
  return (
    <div className="vd-stack vd-stack--loose">
      <div className="vd-stack">
        <Heading level={1}>{d.team.name}</Heading>
        <ExcellenceNav />
        <Paragraph>
          {t('people.team.pageIntro')} {t('people.team.members', { count: d.team.memberCount })}
        </Paragraph>
        <Paragraph>
          <Link className="utrecht-link" to="/excellence/team">
            {t('people.team.back')}
          </Link>
        </Paragraph>
      </div>
      <section className="vd-stack" aria-labelledby="team-compliments">
        <Heading level={2} id="team-compliments">
          {t('people.team.compliments')}
        </Heading>
        {d.compliments.length ? (
          <ComplimentList items={d.compliments} withName />
        ) : (
          <Muted>{t('people.team.noCompliments')}</Muted>
        )}
      </section>
      {d.surveyComments ? (
        <section className="vd-stack" aria-labelledby="team-comments">
          <Heading level={2} id="team-comments">
            {t('people.team.comments')}
          </Heading>
          {d.surveyComments.length ? (
            <ul className="vd-people-quotes">
              {d.surveyComments.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id of their own here; the list never reorders.
                <li key={i}>
                  <blockquote className="utrecht-blockquote">
                    <p className="utrecht-paragraph">{c.comment}</p>
                  </blockquote>
                  <p className="utrecht-paragraph vd-muted">
                    {t('people.team.compliment', { grade: c.grade, date: day(c.answeredOn) })}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <Muted>{t('people.team.noComments')}</Muted>
          )}
        </section>
      ) : null}
      <section className="vd-stack" aria-labelledby="team-figures">
        <Heading level={2} id="team-figures">
          {t('people.team.figures')}
        </Heading>
        <Table caption={t('people.team.figuresCaption', { from: day(d.from), to: day(d.to) })}>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('people.team.figure')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('people.team.value')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('people.team.target')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('people.team.status')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {d.figures.map((f) => (
              <tr key={f.code} className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">
                  {KPI_CATALOGUE[f.code].name[lang]}
                </th>
                <td className="utrecht-table__cell">{formatValue(f.value, f.unit, words)}</td>
                <td className="utrecht-table__cell">{formatValue(f.target, f.unit, words)}</td>
                <td className="utrecht-table__cell">
                  {f.status === 'met'
                    ? t('people.team.met')
                    : f.status === 'missed'
                      ? t('people.team.missed')
                      : t('people.team.noTarget')}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section className="vd-stack" aria-labelledby="team-improvements">
        <Heading level={2} id="team-improvements">
          {t('people.team.improvements')}
        </Heading>
        {d.improvements.length ? (
          <ul className="vd-people-links">
            {d.improvements.map((i) => (
              <li key={i.id}>
                {i.title}{' '}
                <span className="vd-muted">
                  ({i.status === 'done' ? t('people.team.improvementDone') : t('people.team.improvementOpen')}
                  , {i.ownerName})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Muted>{t('people.team.noImprovements')}</Muted>
        )}
      </section>
      <section className="vd-stack" aria-labelledby="team-pulse">
        <Heading level={2} id="team-pulse">
          {t('people.team.pulse')}
        </Heading>
        {d.pulse ? (
          <PulseTable
            caption={t('people.pulse.caption', {
              from: day(d.pulse.round.startsOn),
              to: day(d.pulse.round.endsOn),
            })}
            questions={d.pulse.round.questions}
            groups={[{ name: d.team.name, result: d.pulse.result }]}
          />
        ) : (
          <Muted>{t('people.team.noPulse', { min: PULSE_MIN_GROUP })}</Muted>
        )}
      </section>
    </div>
  );
}
