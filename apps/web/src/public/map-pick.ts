/**
 * The map of the server-rendered report form (ADR 0022, addendum): the one script a public page may load, and only
 * when a tile server is configured (MAP_TILE_URL) — without it, or without JavaScript, the form finds the place by
 * postcode or street alone. It brings Leaflet to the `[data-map-pick]` element the server rendered (hidden until
 * now), and a point picked — a click, or the button that picks the point under the cross, for the keyboard — is put
 * in the form's `loc.lat`/`loc.lon` and sent as "Find address": the server then names the nearest address and what
 * was reported near it. An entry of its own (vite.config.ts): none of the web app comes with it.
 */
import 'leaflet/dist/leaflet.css';
import '../lib/map.css';
import L from 'leaflet';

for (const element of document.querySelectorAll<HTMLElement>('[data-map-pick]')) {
  const form = element.closest('form');
  const canvas = element.querySelector<HTMLElement>('.vd-map__canvas');
  const button = element.querySelector<HTMLButtonElement>('button');
  const find = form?.querySelector<HTMLButtonElement>('button[name="intent"][value="find"]');
  const { tiles, attribution, maxZoom, lat, lon } = element.dataset;
  if (!form || !canvas || !button || !find || !tiles) continue;
  element.hidden = false;
  const map = L.map(canvas, { keyboard: true }).setView([Number(lat), Number(lon)], 17);
  L.tileLayer(tiles, { maxZoom: Number(maxZoom) || 19, attribution: attribution ?? '' }).addTo(map);
  const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const pick = (at: L.LatLng) => {
    const latField = field('loc.lat');
    const lonField = field('loc.lon');
    if (latField) latField.value = at.lat.toFixed(6);
    if (lonField) lonField.value = at.lng.toFixed(6);
    // A point picked replaces an address typed: the server looks a typed one up first.
    for (const name of ['loc.postcode', 'loc.number', 'loc.street']) {
      const input = field(name);
      if (input) input.value = '';
    }
    for (const choice of form.querySelectorAll<HTMLInputElement>('input[name="loc.choice"]'))
      choice.checked = false;
    form.requestSubmit(find);
  };
  map.on('click', (event: L.LeafletMouseEvent) => pick(event.latlng));
  button.addEventListener('click', () => pick(map.getCenter()));
}
