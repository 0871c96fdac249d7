/**
 * The monitoring section's own navigation: every page of the section the reader may open — the dashboards, the
 * causes and equal treatment (feature monitoring-analysis) and the service inputs (feature monitoring-inputs).
 * Light on purpose (no charts): the analysis and inputs pages show it through this feature's index.ts.
 */
import type { Permission } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SectionNav } from '../../lib/SectionNav.tsx';
import { FILTER_KEYS } from './period.ts';

/** How a page reads its period and filters from the URL, so that they travel along where the page understands them. */
type Carry = 'dashboard' | 'analysis' | 'none';

interface Page {
  to: string;
  label: string;
  /** Any one of these permissions opens the page (the router's own rule). */
  may: readonly Permission[];
  carry: Carry;
}

/** The search part a link to a page of the given kind takes along from the current URL. */
function carried(params: URLSearchParams, carry: Carry): string {
  const next = new URLSearchParams();
  if (carry === 'dashboard') {
    for (const key of ['period', 'at', 'from', 'to', ...FILTER_KEYS, 'areaLabel', 'itemIdLabel']) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
    // Coming from a page that knows only dates (the analysis pages): the same dates as a period of one's own.
    if (!next.has('period') && next.has('from') && next.has('to')) next.set('period', 'custom');
  } else if (carry === 'analysis') {
    // The analysis pages read dates, channel and team; a month, quarter or year chosen elsewhere is not carried.
    const dates = !params.get('period') || params.get('period') === 'custom';
    for (const key of dates ? ['from', 'to', 'channel', 'teamId'] : ['channel', 'teamId']) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

/** The pages of the monitoring section, for those who may see them. */
export function MonitoringNav() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const pages: Page[] = [
    { to: '/monitoring', label: t('monitoring.nav.overview'), may: ['readMetrics'], carry: 'dashboard' },
    {
      to: '/monitoring/teams',
      label: t('monitoring.nav.teams'),
      may: ['readMetrics', 'readTeamMetrics'],
      carry: 'dashboard',
    },
    { to: '/monitoring/mine', label: t('monitoring.nav.mine'), may: ['readOwnMetrics'], carry: 'dashboard' },
    { to: '/monitoring/areas', label: t('monitoring.nav.areas'), may: ['readMetrics'], carry: 'dashboard' },
    {
      to: '/monitoring/drivers',
      label: t('analysis.drivers.title'),
      may: ['analyseMetrics'],
      carry: 'analysis',
    },
    {
      to: '/monitoring/breaches',
      label: t('analysis.breaches.title'),
      may: ['analyseMetrics'],
      carry: 'analysis',
    },
    {
      to: '/monitoring/equality',
      label: t('analysis.equality.title'),
      may: ['analyseMetrics'],
      carry: 'analysis',
    },
    {
      to: '/monitoring/waiting',
      label: t('inputs.waiting.title'),
      may: ['readServiceInputs'],
      carry: 'none',
    },
    { to: '/monitoring/costs', label: t('inputs.costs.title'), may: ['readServiceInputs'], carry: 'none' },
    {
      to: '/monitoring/mystery',
      label: t('inputs.mystery.title'),
      may: ['readServiceInputs'],
      carry: 'none',
    },
    {
      to: '/monitoring/kpis',
      label: t('monitoring.nav.kpis'),
      may: ['readMetrics', 'readTeamMetrics', 'readOwnMetrics'],
      carry: 'none',
    },
    {
      to: '/monitoring/settings',
      label: t('monitoring.nav.settings'),
      may: ['manageKpiTargets', 'manageSegments'],
      carry: 'dashboard',
    },
  ];
  return (
    <SectionNav
      label={t('monitoring.nav.label')}
      pages={pages.map((page) => ({
        to: `${page.to}${carried(params, page.carry)}`,
        label: page.label,
        may: page.may,
        end: page.to === '/monitoring',
      }))}
    />
  );
}
