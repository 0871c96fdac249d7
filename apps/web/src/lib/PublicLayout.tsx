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
}

/**
 * The frame of the web app's pages outside the signed-in app: the wait before sign-in and an error before it.
 * (Sign-in and every public page are the server's: ADR 0022.)
 */
export function PublicLayout({ children }: PublicLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-page-layout vd-layout">
      <SkipLink targetId="main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="vd-header">
        <div className="vd-header__bar">
          <Brand />
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
