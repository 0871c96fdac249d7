import { PageBody } from '@utrecht/page-body-react';
import { PageHeader } from '@utrecht/page-header-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useMatches } from 'react-router';
import { prefetchCsrfToken } from '../api/client.ts';
// ---- signals (issue 15): the staff suggestion button ----
import { SuggestButton } from '../features/excellence-signals/index.ts';
import { Brand } from '../lib/Brand.tsx';
import { useCurrentUser } from '../lib/CurrentUser.tsx';
import { Footer } from '../lib/Footer.tsx';
import { useOrganisationTheme } from '../lib/theme.ts';
import { cx } from '../ui/cx.ts';
import { SkipLink } from '../ui/SkipLink.tsx';
import { PrimaryNav } from './PrimaryNav.tsx';
import { UserMenu } from './UserMenu.tsx';

/** What a route tells the shell about its page (`handle` in router.tsx). */
export interface PageHandle {
  /**
   * A work page (workspace, queue, case page): it uses the whole width of the screen, as agents on a contact
   * centre's wide screen need it. Other pages keep a comfortable reading measure.
   */
  wide?: boolean;
}

/**
 * The frame of every signed-in page: skip link (first focusable element), banner with the
 * organisation and product name and the user menu, primary navigation, one `main`, footer.
 */
export function AppShell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  // The signed-in person's organisation wears its own theme (also right after signing in, without a reload).
  useOrganisationTheme(me.organisation.slug);
  const wide = useMatches().some((match) => (match.handle as PageHandle | undefined)?.wide);

  // Fetch the CSRF token of this session up front, so the first change does not wait for it.
  useEffect(() => {
    void prefetchCsrfToken();
  }, []);

  // After client-side navigation, move focus to the new content, as a page load would.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className="utrecht-page-layout vd-layout vd-layout--staff">
      <SkipLink targetId="main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="vd-header">
        <div className="vd-header__bar">
          <Brand organisation={me.organisation.name} />
          <div className="vd-header__actions">
            <SuggestButton />
            <UserMenu />
          </div>
        </div>
      </PageHeader>
      <PrimaryNav />
      <PageBody className="vd-body">
        <main id="main" tabIndex={-1} ref={mainRef} className={cx('vd-main', !wide && 'vd-main--reading')}>
          <Outlet />
        </main>
      </PageBody>
      <Footer organisation={me.organisation.name} />
    </div>
  );
}
