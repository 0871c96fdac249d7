import type { PublicationState } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

const STATE_STATUS = { published: 'active', draft: 'neutral', retired: 'inactive' } as const;

/** The publication state and, when there is one, the "draft" badge (unpublished changes). */
export function StateBadges({ state, hasDraft }: { state: PublicationState; hasDraft: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="vd-badges">
      <StatusBadge status={STATE_STATUS[state]}>{t(`catalogue.state.${state}`)}</StatusBadge>
      {hasDraft ? (
        <>
          {' '}
          <StatusBadge status="warning">{t('catalogue.draftBadge')}</StatusBadge>
        </>
      ) : null}
    </span>
  );
}

/** An item's badges with its version numbers, under the page title. */
export function ItemBadges({
  item,
}: {
  item: { state: PublicationState; draft: { number: number } | null; published: { number: number } | null };
}) {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph vd-badges">
      <StateBadges state={item.state} hasDraft={Boolean(item.draft)} />{' '}
      <span className="vd-muted">
        {[
          item.published ? t('catalogueAdmin.publishedVersion', { n: item.published.number }) : '',
          item.draft ? t('catalogueAdmin.draftVersion', { n: item.draft.number }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </p>
  );
}
