import { useTranslation } from 'react-i18next';

/** Shown while we find out whether someone is signed in. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1} className="vd-main vd-loading">
      <h1 className="vd-visually-hidden">{t('app.name')}</h1>
      <p className="utrecht-paragraph" role="status">
        {t('app.loading')}
      </p>
    </main>
  );
}
