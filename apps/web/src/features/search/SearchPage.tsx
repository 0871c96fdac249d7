import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { AgentSearch } from './AgentSearch.tsx';

/** The search page: the agent search on its own. */
export function SearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('search.title'));
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('search.title')} intro={t('search.intro')} />
      <AgentSearch />
    </div>
  );
}
