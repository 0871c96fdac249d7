import { ROLES } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, type Permission } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';

type PageKey =
  | 'nav.workspace'
  | 'nav.queue'
  | 'nav.callbacks'
  | 'nav.contactStats'
  | 'nav.users'
  | 'nav.teams'
  | 'nav.tokens'
  | 'nav.audit';

/** Pages the user can reach from here, in navigation order. */
const SHORTCUTS: Array<{ to: string; label: PageKey; permission: Permission }> = [
  { to: '/workspace', label: 'nav.workspace', permission: 'useWorkspace' },
  { to: '/queue', label: 'nav.queue', permission: 'readCases' },
  { to: '/callbacks', label: 'nav.callbacks', permission: 'workCallbacks' },
  { to: '/contacts/stats', label: 'nav.contactStats', permission: 'readContactStats' },
  { to: '/admin/users', label: 'nav.users', permission: 'listUsers' },
  { to: '/admin/teams', label: 'nav.teams', permission: 'listTeams' },
  { to: '/admin/tokens', label: 'nav.tokens', permission: 'manageTokens' },
  { to: '/audit', label: 'nav.audit', permission: 'readAudit' },
];

/**
 * Home: who you are, where you work, your teams and roles, and — per role — what this version
 * of Voordeur lets you do. Nothing is promised that is not built.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('home.title'));

  const roles = ROLES.filter((role) => me.roles.includes(role));
  const shortcuts = SHORTCUTS.filter((item) => can(me, item.permission));

  return (
    <div className="vd-stack vd-stack--loose">
      <div className="vd-stack">
        <Heading level={1}>{t('home.greeting', { name: me.name })}</Heading>
        <Paragraph appearance="lead">
          {t('home.organisation', { organisation: me.organisation.name })}
        </Paragraph>
      </div>

      <Section headingId="home-memberships" title={t('home.membershipsTitle')}>
        {me.memberships.length === 0 ? (
          <Paragraph>{t('home.noMemberships')}</Paragraph>
        ) : (
          <Table caption={t('home.membershipsCaption')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('home.team')}</TableHeaderCell>
                <TableHeaderCell>{t('home.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('home.role')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {me.memberships.map((membership) => (
                <TableRow key={`${membership.teamId}:${membership.role}`}>
                  <TableHeaderCell scope="row">{membership.teamName}</TableHeaderCell>
                  <TableCell>{t(`teamKinds.${membership.teamKind}`)}</TableCell>
                  <TableCell>{t(`roles.${membership.role}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section headingId="home-what" title={t('home.whatTitle')}>
        {roles.map((role) => (
          <div key={role} className="vd-stack vd-stack--tight">
            <Heading level={3}>{t(`roles.${role}`)}</Heading>
            <Paragraph>{t(`home.roleText.${role}`)}</Paragraph>
          </div>
        ))}
        <Paragraph>{t('home.everyone')}</Paragraph>
        <ul className="utrecht-link-list utrecht-link-list--html-ul vd-shortcuts">
          {shortcuts.map((item) => (
            <li key={item.to} className="utrecht-link-list__item">
              <Link className="utrecht-link-list__link utrecht-link utrecht-link--html-a" to={item.to}>
                {t('home.goTo', { page: t(item.label) })}
              </Link>
            </li>
          ))}
          <li className="utrecht-link-list__item">
            <Link className="utrecht-link-list__link utrecht-link utrecht-link--html-a" to="/account">
              {t('home.goTo', { page: t('account.title') })}
            </Link>
          </li>
        </ul>
      </Section>
    </div>
  );
}
