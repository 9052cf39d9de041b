// The legend, which is also the layer switcher: one row per mode and per kind of place.
import L from 'leaflet';
import { population } from './format.js';
import { MODE_STYLE, MODES } from './modes.js';
import { cityRadius, type NetworkLayers } from './network-layers.js';

interface Row {
  key: string;
  label: string;
  swatch: string;
  layer: L.Layer;
  count: number;
}

function lineSwatch(color: string, dash?: string): string {
  const d = dash ? ` stroke-dasharray="${dash.replace(' ', ',')}"` : '';
  return `<svg width="26" height="10" aria-hidden="true"><line x1="1" y1="5" x2="25" y2="5" stroke="${color}" stroke-width="3"${d}/></svg>`;
}

function sizeKey(maxPop: number): string {
  const steps = [20e6, 5e6, 1e6].filter((p) => p <= maxPop * 1.01);
  if (!steps.length) return '';
  const rMax = cityRadius(steps[0], maxPop);
  const h = Math.ceil(2 * rMax + 2);
  const circles = steps
    .map((p) => {
      const r = cityRadius(p, maxPop);
      return `<g><circle cx="${rMax + 1}" cy="${h - r - 1}" r="${r}" fill="none" stroke="#3b4a5e"/></g>`;
    })
    .join('');
  const labels = steps.map((p) => `<span>${population(p)}</span>`).join('');
  return `<div class="legend-sizes"><svg width="${2 * rMax + 2}" height="${h}" aria-hidden="true">${circles}</svg><div class="legend-size-labels">${labels}</div></div>`;
}

/** Adds the legend with layer toggles to the map's top right; every layer starts visible. */
export function addLegend(map: L.Map, net: NetworkLayers, maxPop: number): L.Control {
  const count = (g: L.LayerGroup) => g.getLayers().length;
  const lanes: Row[] = MODES.map((m) => ({
    key: m,
    label: MODE_STYLE[m].label,
    swatch: lineSwatch(MODE_STYLE[m].color, MODE_STYLE[m].dashArray),
    layer: net.lanes[m],
    count: count(net.lanes[m]),
  }));
  const places: Row[] = [
    { key: 'cities', label: 'Cities', swatch: '<span class="sw-city"></span>', layer: net.cities, count: count(net.cities) },
    { key: 'sort-hubs', label: 'Sort hubs', swatch: '<span class="hf-hub hf-hub-sort sw-hub"><span></span></span>', layer: net.sortHubs, count: count(net.sortHubs) },
    { key: 'ehubs', label: 'eHubs', swatch: '<span class="hf-hub hf-hub-ehub sw-hub"><span></span></span>', layer: net.ehubs, count: count(net.ehubs) },
  ];
  const rowHtml = (r: Row) =>
    `<label class="legend-row" data-testid="toggle-${r.key}"><input type="checkbox" checked data-layer="${r.key}">` +
    `<span class="legend-swatch">${r.swatch}</span><span class="legend-label">${r.label}</span><span class="legend-count">${r.count}</span></label>`;

  const control = new L.Control({ position: 'topright' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'hf-legend');
    div.dataset.testid = 'legend';
    div.innerHTML =
      `<div class="legend-title">Lanes</div>${lanes.map(rowHtml).join('')}` +
      `<div class="legend-title">Places</div>${places.map(rowHtml).join('')}` +
      sizeKey(maxPop);
    const byKey = new Map([...lanes, ...places].map((r) => [r.key, r]));
    div.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      const row = byKey.get(input.dataset.layer ?? '');
      if (!row) return;
      if (input.checked) map.addLayer(row.layer);
      else map.removeLayer(row.layer);
    });
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  for (const r of [...lanes, ...places]) map.addLayer(r.layer);
  control.addTo(map);
  return control;
}
