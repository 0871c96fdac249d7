import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useDistricts, useMapConfig } from './api.ts';

const LeafletMap = lazy(() => import('./LeafletMap.tsx'));

export interface DistrictFigure {
  /** The district's name (as the front-office settings name it). */
  name: string;
  /** What the marker says of it, e.g. "82%" (the map's label names the figure). */
  text: string;
  href?: string | undefined;
  tone?: 'met' | 'missed' | 'none' | undefined;
}

/**
 * A figure per district on the map, one marker at the middle of each district's addresses (the districts are
 * postcode ranges, not drawn shapes). Only where the server has a tile URL and the districts have addresses:
 * otherwise nothing, and the page's table (which it always shows) says the same.
 */
export function DistrictsMap({
  title,
  label,
  figures,
}: {
  /** The section's heading (level 2). */
  title: string;
  /** What the map shows, for screen readers. */
  label: string;
  figures: DistrictFigure[];
}) {
  const { t } = useTranslation();
  const map = useMapConfig().data?.map ?? null;
  const districts = useDistricts(map !== null);
  const byName = new Map(figures.map((f) => [f.name, f]));
  const markers = (districts.data?.items ?? []).flatMap((d) => {
    const figure = byName.get(d.name);
    return figure
      ? [
          {
            lat: d.lat,
            lon: d.lon,
            label: `${d.name}: ${figure.text}`,
            href: figure.href,
            tone: figure.tone,
            labelled: true,
          },
        ]
      : [];
  });
  if (!map || !markers[0]) return null;
  return (
    <section className="vd-stack" aria-labelledby="districts-map">
      <Heading level={2} id="districts-map">
        {title}
      </Heading>
      <Suspense fallback={<Paragraph>{t('app.loading')}</Paragraph>}>
        <LeafletMap config={map} label={label} centre={markers[0]} zoom={13} markers={markers} fit />
      </Suspense>
    </section>
  );
}
