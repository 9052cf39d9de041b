// The selected quote option's path on the map: each leg in its mode's colour (the legs come with
// the option; one colour only for an option without legs), over a white casing, with A/B end markers.
// It draws into its own panes, so the path planner's drawing is kept while the Quote view is open.
import L from 'leaflet';
import { esc, km } from './format.js';
import { MODE_STYLE, type ModeStyle } from './modes.js';
import type { NetworkLayers } from './network-layers.js';
import { quoteLegs } from './quote-legs.js';
import type { QuoteOption, QuoteResult } from './quote-types.js';

/** The quote path on the map. */
export interface QuoteLayer {
  /** Draws `option` of `result`, replacing what was drawn; returns its bounds. */
  show(result: QuoteResult, option: QuoteOption): L.LatLngBounds;
  /** Marks the chosen ends before (or without) an option. */
  showEnds(from: { lon: number; lat: number } | null, to: { lon: number; lat: number } | null): void;
  clear(): void;
}

/** Creates the panes the quote path draws into (above the network). */
export function createQuotePanes(map: L.Map): void {
  map.createPane('quote-route').style.zIndex = '450';
  map.createPane('quote-ends').style.zIndex = '460';
}

const FALLBACK_COLOR = '#1f3a5f';

/** Creates the layer; places and lane geometry come from the network layers. */
export function createQuoteLayer(map: L.Map, net: NetworkLayers): QuoteLayer {
  const group = L.layerGroup().addTo(map);
  const ends = L.layerGroup().addTo(map);
  const container = map.getContainer();

  const line = (latlngs: [number, number][], color: string, dashed: boolean, cls: string) => {
    L.polyline(latlngs, { pane: 'quote-route', color: '#ffffff', weight: 10, opacity: 0.95, interactive: false, className: 'hf-route-casing' }).addTo(group);
    return L.polyline(latlngs, {
      pane: 'quote-route',
      color,
      weight: 6,
      opacity: 1,
      dashArray: dashed ? '10 8' : undefined,
      lineCap: dashed ? 'butt' : 'round',
      className: cls,
    }).addTo(group);
  };
  const markEnd = (p: { lon: number; lat: number }, letter: string, cls: string, testid: string) => {
    const icon = L.divIcon({ className: `hf-end ${cls}`, html: `<span>${letter}</span>`, iconSize: [24, 24], iconAnchor: [12, 12] });
    const m = L.marker([p.lat, p.lon], { pane: 'quote-ends', icon, interactive: false, keyboard: false }).addTo(ends);
    const el = m.getElement();
    if (el) el.dataset.testid = testid;
  };

  const api: QuoteLayer = {
    show(result, option) {
      api.clear();
      const bounds = L.latLngBounds([]);
      const legs = quoteLegs(option, net.places);
      if (legs.length) {
        legs.forEach((leg) => {
          const coords = net.laneCoordinates(leg.from, leg.to, leg.mode) ?? leg.coordinates;
          if (coords.length === 0) return;
          const s: ModeStyle | undefined = MODE_STYLE[leg.mode];
          const pl = line(coords.map(([lon, lat]) => [lat, lon]), s?.color ?? FALLBACK_COLOR, leg.mode === 'air', `hf-quote-leg hf-quote-${leg.mode}`);
          pl.bindTooltip(`<div class="tt-title">${esc(leg.fromName)} – ${esc(leg.toName)}</div><div>${s?.label ?? leg.mode} · ${km(leg.distanceM)} km</div>`, {
            sticky: true,
            className: 'hf-tip',
          });
          bounds.extend(pl.getBounds());
        });
        for (const leg of legs.slice(0, -1)) {
          const p = net.places.get(leg.to);
          if (p) L.circleMarker([p.lat, p.lon], { pane: 'quote-route', radius: 4.5, color: '#1f2937', weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false, className: 'hf-route-stop' }).addTo(group);
        }
        container.dataset.quoteLegs = 'modes';
      } else if (option.path.geometry) {
        const pl = line(option.path.geometry.coordinates.map(([lon, lat]) => [lat, lon]), FALLBACK_COLOR, false, 'hf-quote-leg hf-quote-path');
        bounds.extend(pl.getBounds());
        container.dataset.quoteLegs = 'single';
      }
      api.showEnds(net.places.get(result.origin.id) ?? null, net.places.get(result.destination.id) ?? null);
      container.classList.add('has-quote');
      return bounds;
    },
    showEnds(from, to) {
      ends.clearLayers();
      if (from) markEnd(from, 'A', 'hf-end-from', 'quote-route-from');
      if (to) markEnd(to, 'B', 'hf-end-to', 'quote-route-to');
    },
    clear() {
      group.clearLayers();
      ends.clearLayers();
      container.classList.remove('has-quote');
      delete container.dataset.quoteLegs;
    },
  };
  return api;
}
