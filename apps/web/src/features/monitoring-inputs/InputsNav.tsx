import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const PAGES = ['waiting', 'costs', 'mystery'] as const;

/** Links between the three input pages of monitoring. */
export function InputsNav({ current }: { current: (typeof PAGES)[number] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('inputs.navLabel')}>
      <ul className="vd-inline-links">
        {PAGES.map((page) => (
          <li key={page}>
            <NavLink
              to={`/monitoring/${page}`}
              className="utrecht-link"
              aria-current={page === current ? 'page' : undefined}
            >
              {t(`inputs.${page}.title`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
