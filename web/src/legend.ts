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
  const steps = [1e6, 5e6, 20e6].filter((p) => p <= maxPop * 1.01);
  if (!steps.length) return '';
  const items = steps
    .map((p) => {
      const r = cityRadius(p, maxPop);
      const d = Math.ceil(2 * r + 2);
      return (
        `<span class="size-item"><svg width="${d}" height="${d}" aria-hidden="true"><circle cx="${d / 2}" cy="${d / 2}" r="${r}" fill="#3b4a5e" fill-opacity="0.85" stroke="#fff"/></svg>` +
        `<span>${population(p)}</span></span>`
      );
    })
    .join('');
  return `<div class="legend-title">City population</div><div class="legend-sizes">${items}</div>`;
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
      `<button type="button" class="legend-head" aria-expanded="true" data-testid="legend-toggle">Layers<span class="chev" aria-hidden="true"></span></button>` +
      `<div class="legend-body"><div class="legend-title">Lanes</div>${lanes.map(rowHtml).join('')}` +
      `<div class="legend-title">Places</div>${places.map(rowHtml).join('')}` +
      `${sizeKey(maxPop)}</div>`;
    const head = div.querySelector<HTMLButtonElement>('.legend-head')!;
    const setOpen = (open: boolean) => {
      div.classList.toggle('collapsed', !open);
      head.setAttribute('aria-expanded', String(open));
    };
    head.addEventListener('click', () => setOpen(div.classList.contains('collapsed')));
    setOpen(map.getSize().x >= 640);
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
