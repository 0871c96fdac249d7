import { PageBody } from '@utrecht/page-body-react';
import { PageHeader } from '@utrecht/page-header-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../ui/cx.ts';
import { SkipLink } from '../ui/SkipLink.tsx';
import { Brand } from './Brand.tsx';
import { Footer } from './Footer.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export interface PublicLayoutProps {
  children: ReactNode;
  onLocaleChange?: Parameters<typeof LanguageSwitch>[0]['onChange'];
  /** Shown next to the product name when known (a public page of one organisation). */
  organisation?: string | undefined;
  /** Use the full width (a page with a table) instead of the narrow column of a form. */
  wide?: boolean;
}

/** The frame of pages outside the signed-in app: login, errors before sign-in, public pages. */
export function PublicLayout({ children, onLocaleChange, organisation, wide = false }: PublicLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-page-layout vd-layout">
      <SkipLink targetId="main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="vd-header">
        <div className="vd-header__bar">
          <Brand organisation={organisation} />
          <LanguageSwitch onChange={onLocaleChange} />
        </div>
      </PageHeader>
      <PageBody className="vd-body">
        <main id="main" tabIndex={-1} className={cx('vd-main', !wide && 'vd-main--narrow')}>
          {children}
        </main>
      </PageBody>
      <Footer />
    </div>
  );
}
