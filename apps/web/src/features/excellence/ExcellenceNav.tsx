/**
 * The excellence section's own navigation ("Verbeteren", issue 15): every page of the section the reader may
 * open — the overview, the self-assessment, strategy, the improvement inbox and proposals, ideas, the pulse survey,
 * the team pages and the integrity register. Each part's pages show it through this feature's index.ts.
 */
import type { Permission } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SectionNav, type SectionPage } from '../../lib/SectionNav.tsx';

/** The section's pages, in the order of its navigation, each with the permissions that open it. */
export function excellencePages(t: TFunction): SectionPage[] {
  return [
    { to: '/excellence', label: t('excellence.nav.overview'), may: ['readExcellence'], end: true },
    { to: '/excellence/assessments', label: t('excellence.nav.assessments'), may: ['readAssessments'] },
    { to: '/excellence/strategy', label: t('excellence.nav.strategy'), may: ['readStrategy'] },
    { to: '/excellence/signals', label: t('excellence.nav.signals'), may: ['triageSignals'] },
    { to: '/excellence/improvements', label: t('excellence.nav.improvements'), may: ['readImprovements'] },
    { to: '/excellence/ideas', label: t('excellence.nav.ideas'), may: ['readIdeas'] },
    { to: '/excellence/pulse', label: t('excellence.nav.pulse'), may: ['answerPulse', 'readPulse'] },
    { to: '/excellence/team', label: t('excellence.nav.team'), may: ['answerPulse', 'readAllTeamPages'] },
    { to: '/excellence/integrity', label: t('excellence.nav.integrity'), may: ['manageIntegrity'] },
  ];
}

/** Whoever holds one of these sees the section (the primary navigation's "Verbeteren"). */
export const EXCELLENCE_PERMISSIONS: readonly Permission[] = [
  'readExcellence',
  'readAssessments',
  'readStrategy',
  'triageSignals',
  'readImprovements',
  'readIdeas',
  'answerPulse',
  'readPulse',
  'readAllTeamPages',
  'manageIntegrity',
];

export function ExcellenceNav() {
  const { t } = useTranslation();
  return <SectionNav label={t('excellence.nav.label')} pages={excellencePages(t)} />;
}
