import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useTeamPages } from './api.ts';
import { ComplimentList, Muted } from './parts.tsx';
import './people.css';

/** `/excellence/team`: the team pages one may open, and the compliments residents gave oneself. */
export function TeamPagesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.team.title'));
  const pages = useTeamPages();
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('people.team.title')} intro={t('people.team.intro')} />
      <ExcellenceNav />
      {pages.isError ? <ErrorAlert error={pages.error} /> : null}
      {pages.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {pages.data ? (
        <>
          <section className="vd-stack" aria-labelledby="team-mine">
            <Heading level={2} id="team-mine">
              {t('people.team.mine')}
            </Heading>
            {pages.data.compliments.length ? (
              <ComplimentList items={pages.data.compliments} />
            ) : (
              <Muted>{t('people.team.noCompliments')}</Muted>
            )}
          </section>
          <section className="vd-stack" aria-labelledby="team-list">
            <Heading level={2} id="team-list">
              {t('people.team.teams')}
            </Heading>
            {pages.data.teams.length ? (
              <ul className="vd-people-links">
                {pages.data.teams.map((team) => (
                  <li key={team.id}>
                    <Link className="utrecht-link" to={`/excellence/team/${team.id}`}>
                      {team.name}
                    </Link>
                    {team.own ? <span className="vd-muted"> ({t('people.team.own')})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <Muted>{t('people.team.noTeams')}</Muted>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
