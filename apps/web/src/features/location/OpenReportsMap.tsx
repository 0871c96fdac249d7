import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useCaseMap, useMapConfig } from './api.ts';

const LeafletMap = lazy(() => import('./LeafletMap.tsx'));

/**
 * The open reports with a known place (the queue's team filter), shown when asked for: on the map when the server
 * has a tile URL, and always as a list of links (the same places, for keyboard and screen reader, and offline).
 */
export function OpenReportsMap({ teamId }: { teamId?: string | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="vd-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('location.openReports.title')}</summary>
      {open ? <OpenReports teamId={teamId} /> : null}
    </details>
  );
}

function OpenReports({ teamId }: { teamId?: string | undefined }) {
  const { t } = useTranslation();
  const map = useMapConfig().data?.map ?? null;
  const cases = useCaseMap(teamId);
  const items = cases.data?.items ?? [];
  const markers = items.map((c) => ({
    lat: c.lat,
    lon: c.lon,
    label: `${c.reference} ${c.subject}`,
    href: `/cases/${c.id}`,
  }));
  return (
    <div className="vd-stack">
      {cases.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {cases.isError ? <ErrorAlert error={cases.error} /> : null}
      {cases.data && !items.length ? <Paragraph>{t('location.openReports.none')}</Paragraph> : null}
      {map && markers[0] ? (
        <Suspense fallback={<Paragraph>{t('app.loading')}</Paragraph>}>
          <LeafletMap
            config={map}
            label={t('location.openReports.mapLabel', { count: items.length })}
            centre={markers[0]}
            zoom={14}
            markers={markers}
            fit
          />
        </Suspense>
      ) : null}
      {items.length ? (
        <ul className="utrecht-unordered-list">
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>{c.reference}</Link> — {c.subject}
              {c.address ? `, ${c.address}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {cases.data?.truncated ? (
        <Paragraph className="vd-muted">{t('location.openReports.truncated')}</Paragraph>
      ) : null}
    </div>
  );
}
