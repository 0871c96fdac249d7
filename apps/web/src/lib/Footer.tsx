import { useTranslation } from 'react-i18next';
import { PageFooter } from '../ui/PageFooter.tsx';

export function Footer({ organisation }: { organisation?: string }) {
  const { t } = useTranslation();
  return (
    <PageFooter>
      <p className="utrecht-paragraph vd-footer__title">
        <strong>{t('app.name')}</strong> — {t('app.tagline')}
      </p>
      {organisation ? (
        <p className="utrecht-paragraph utrecht-paragraph--small">
          {t('app.footer.organisation', { organisation })}
        </p>
      ) : null}
      <p className="utrecht-paragraph utrecht-paragraph--small">{t('app.footer.text')}</p>
    </PageFooter>
  );
}
