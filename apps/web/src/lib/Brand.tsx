import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Product name, and the organisation when known; links to the home page. */
export function Brand({ organisation }: { organisation?: string }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="vd-brand">
      <span className="vd-brand__product">{t('app.name')}</span>
      {organisation ? <span className="vd-brand__organisation">{organisation}</span> : null}
    </Link>
  );
}
