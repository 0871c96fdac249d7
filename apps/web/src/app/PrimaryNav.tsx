import { NavBar } from '@utrecht/nav-bar-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { EXCELLENCE_PERMISSIONS } from '../features/excellence/index.ts';
import { can, type Permission } from '../lib/access.ts';
import { useCurrentUser } from '../lib/CurrentUser.tsx';

interface NavItem {
  to: string;
  label:
    | 'nav.home'
    | 'nav.search'
    | 'nav.workspace'
    | 'nav.queue'
    | 'nav.callbacks'
    | 'nav.letters'
    | 'nav.contactStats'
    | 'nav.catalogue'
    | 'nav.knowledge'
    | 'nav.calendar'
    | 'nav.transfer'
    | 'nav.users'
    | 'nav.teams'
    | 'nav.tokens'
    | 'nav.audit'
    | 'nav.monitoring'
    | 'nav.excellence'
    | 'adminSettings.navLabel';
  /** Who sees the item (holders of this permission, or of one of these); everyone when absent. */
  permission?: Permission | readonly Permission[];
}

/** Only features that exist are listed; each only for the roles that may use it. */
const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/workspace', label: 'nav.workspace', permission: 'useWorkspace' },
  { to: '/queue', label: 'nav.queue', permission: 'readCases' },
  { to: '/search', label: 'nav.search' },
  { to: '/callbacks', label: 'nav.callbacks', permission: 'workCallbacks' },
  { to: '/letters', label: 'nav.letters', permission: 'workLetters' },
  { to: '/contacts/stats', label: 'nav.contactStats', permission: 'readContactStats' },
  { to: '/admin/catalogue', label: 'nav.catalogue', permission: 'readCatalogueAdmin' },
  { to: '/admin/knowledge', label: 'nav.knowledge', permission: 'readCatalogueAdmin' },
  { to: '/admin/calendar', label: 'nav.calendar', permission: 'readCatalogueAdmin' },
  { to: '/admin/transfer', label: 'nav.transfer', permission: 'transferContent' },
  { to: '/admin/users', label: 'nav.users', permission: 'listUsers' },
  { to: '/admin/teams', label: 'nav.teams', permission: 'listTeams' },
  { to: '/admin/tokens', label: 'nav.tokens', permission: 'manageTokens' },
  { to: '/admin/settings', label: 'adminSettings.navLabel', permission: 'adminSettings' },
  { to: '/audit', label: 'nav.audit', permission: 'readAudit' },
  // Monitoring (issue 14): the dashboards, or one's own figures.
  {
    to: '/monitoring',
    label: 'nav.monitoring',
    permission: ['readMetrics', 'readTeamMetrics', 'readOwnMetrics'],
  },
  // Excellence (issue 15): the overview, or the first page of the section one may open.
  { to: '/excellence', label: 'nav.excellence', permission: EXCELLENCE_PERMISSIONS },
];

/** Primary navigation; NavLink marks the current page with aria-current="page". */
export function PrimaryNav() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const items = NAV_ITEMS.filter(
    (item) =>
      !item.permission ||
      (typeof item.permission === 'string' ? [item.permission] : item.permission).some((p) => can(me, p)),
  );
  return (
    <nav aria-label={t('nav.label')} className="vd-nav">
      <NavBar>
        <ul className="utrecht-nav-list">
          {items.map((item) => (
            <li key={item.to} className="utrecht-nav-list__item">
              <NavLink to={item.to} end={item.to === '/'} className="utrecht-nav-list__link vd-nav__link">
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </NavBar>
    </nav>
  );
}
