/**
 * The Leaflet map, in its own chunk (with Leaflet and its stylesheet): loaded only by a page that shows a map, and
 * only when a tile server is configured (ADR 0012: public pages stay light). Keyboard: the map takes focus and
 * pans with the arrow keys (+/- zoom); "pick the centre" picks the point under the cross, so no mouse is needed.
 */
import 'leaflet/dist/leaflet.css';
import '../../lib/map.css';
import { Button } from '@utrecht/button-react';
import type { MapConfig } from '@voordeur/shared';
import L from 'leaflet';
import { useEffect, useRef } from 'react';

export interface MapMarker {
  lat: number;
  lon: number;
  label: string;
  href?: string | undefined;
  /** A figure against its target: green when met, red (the default, as for a report) when missed, grey without. */
  tone?: 'met' | 'missed' | 'none' | undefined;
  /** Show the label beside the marker at all times (a figure per district), not only in its popup. */
  labelled?: boolean | undefined;
}

const FILL = { met: '#1e7a3a', missed: '#b3261e', none: '#5c5c5c' } as const;

export interface LeafletMapProps {
  config: NonNullable<MapConfig['map']>;
  /** What the map shows, for screen readers (the map itself is an image to them). */
  label: string;
  centre: { lat: number; lon: number };
  zoom?: number;
  markers: MapMarker[];
  /** Fit the view around the markers (a map of many). */
  fit?: boolean;
  /** Picking a point: a click, or the button that picks the centre of the map. */
  pick?: { onPick: (lat: number, lon: number) => void; buttonLabel: string } | undefined;
}

export default function LeafletMap({
  config,
  label,
  centre,
  zoom = 17,
  markers,
  fit,
  pick,
}: LeafletMapProps) {
  const element = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const onPick = useRef(pick?.onPick);
  onPick.current = pick?.onPick;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is made once; markers and view follow below.
  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { keyboard: true, zoomControl: true }).setView(
      [centre.lat, centre.lon],
      zoom,
    );
    L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom, attribution: config.attribution }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => onPick.current?.(e.latlng.lat, e.latlng.lng));
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    for (const marker of markers) {
      const dot = L.circleMarker([marker.lat, marker.lon], {
        radius: 9,
        color: '#ffffff',
        weight: 3,
        fillColor: FILL[marker.tone ?? 'missed'],
        fillOpacity: 1,
      });
      // Built as elements, not HTML strings: every text is escaped.
      const content = document.createElement(marker.href ? 'a' : 'span');
      content.textContent = marker.label;
      if (marker.href && content instanceof HTMLAnchorElement) content.href = marker.href;
      dot.bindPopup(content);
      if (marker.labelled) {
        const text = document.createElement('span');
        text.textContent = marker.label; // an element, not a string: Leaflet would read a string as HTML
        dot.bindTooltip(text, { permanent: true, direction: 'top', offset: [0, -8] });
      }
      dot.addTo(group);
    }
    if (fit && markers.length > 1)
      m.fitBounds(L.latLngBounds(markers.map((x) => [x.lat, x.lon] as [number, number])), {
        padding: [24, 24],
      });
    else if (markers[0] && !pick) m.setView([markers[0].lat, markers[0].lon], m.getZoom());
  }, [markers, fit, pick]);

  return (
    <div className="vd-map">
      <div className="vd-map__frame">
        <section ref={element} className="vd-map__canvas" aria-label={label} />
        {pick ? <span className="vd-map__cross" aria-hidden="true" /> : null}
      </div>
      {pick ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            const c = map.current?.getCenter();
            if (c) pick.onPick(c.lat, c.lng);
          }}
        >
          {pick.buttonLabel}
        </Button>
      ) : null}
    </div>
  );
}
