import type { Case } from '@voordeur/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useMapConfig } from './api.ts';

const LeafletMap = lazy(() => import('./LeafletMap.tsx'));

/**
 * The case's place on the map for staff, when the server has a tile URL and the place is known (the point picked
 * or its address's place in the register); the address itself is always in the case's facts as text.
 */
export function CaseLocationMap({ location, reference }: { location: Case['location']; reference: string }) {
  const { t } = useTranslation();
  const map = useMapConfig().data?.map ?? null;
  if (!map || location?.lat == null || location.lon == null) return null;
  const point = { lat: location.lat, lon: location.lon };
  return (
    <Suspense fallback={<Paragraph>{t('app.loading')}</Paragraph>}>
      <LeafletMap
        config={map}
        label={t('location.caseMapLabel', { reference })}
        centre={point}
        markers={[{ ...point, label: reference }]}
      />
    </Suspense>
  );
}
