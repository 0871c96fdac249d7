import { PageBody } from '@utrecht/page-body-react';
import { PageHeader } from '@utrecht/page-header-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink } from '../ui/SkipLink.tsx';
import { Brand } from './Brand.tsx';
import { Footer } from './Footer.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export interface PublicLayoutProps {
  children: ReactNode;
  /** Shown next to the product name when known (a public page of one organisation). */
  organisation?: string | undefined;
}

/**
 * The frame of the web app's pages outside the signed-in app: the portal's report form and its confirmation, and
 * errors before sign-in. (Sign-in and the other public pages are the server's: ADR 0022.)
 */
export function PublicLayout({ children, organisation }: PublicLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-page-layout vd-layout">
      <SkipLink targetId="main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="vd-header">
        <div className="vd-header__bar">
          <Brand organisation={organisation} />
          <LanguageSwitch />
        </div>
      </PageHeader>
      <PageBody className="vd-body">
        <main id="main" tabIndex={-1} className="vd-main vd-main--narrow">
          {children}
        </main>
      </PageBody>
      <Footer />
    </div>
  );
}
