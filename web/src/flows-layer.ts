// The Flows view's drawing: lanes as lines whose width is the flow and whose colour is the mode (or,
// in "change" mode, the gain or loss against the previous plan), hubs as gauges filled to their
// utilisation, and the legend that explains both.
import L from 'leaflet';
import { esc } from './format.js';
import { MODE_STYLE, MODES } from './modes.js';
import {
  laneTotals,
  laneWidthPx,
  n0,
  tpd,
  UTIL_COLOR,
  UTIL_LABEL,
  utilBand,
  visibleLanes,
  widthLegendTonnes,
  type LaneTotal,
  type PlanDiff,
  type UtilBand,
} from './flows-plan.js';
import type { Allocation, CapacityPrice, FlowsGeoJson, HubUse } from './flows-types.js';
import type { MapPlace } from './network-layers.js';

/** Where places are and what they are called. */
export interface FlowsPlaces {
  get(id: string): MapPlace | undefined;
}

/** What to draw. */
export interface FlowsDrawState {
  plan: Allocation;
  /** The plan before the last what-if (its geometry draws the lanes that lost all flow). */
  previous: Allocation | null;
  diff: PlanDiff | null;
  /** 'plan': flows by mode; 'change': gained and lost flow against the previous plan. */
  show: 'plan' | 'change';
  minPct: number;
  local: boolean;
  /** Hub or lane being edited (outlined). */
  selected: string | null;
}

/** The layer's public face. */
export interface FlowsLayer {
  draw(st: FlowsDrawState): { shown: number; hiddenSmall: number; hiddenSmallKg: number; hiddenLocal: number };
  /** Bounds of the lanes drawn (of the hubs when no lane is drawn). */
  bounds(): L.LatLngBounds;
  show(): void;
  hide(): void;
}

/** Creates the panes the flows draw into (above the network's panes, which the view hides). */
export function createFlowsPanes(map: L.Map): void {
  if (map.getPane('flows-lanes')) return;
  map.createPane('flows-lanes').style.zIndex = '410';
  map.createPane('flows-hubs').style.zIndex = '440';
}

const GAIN = '#0072B2';
const LOSS = '#D55E00';

function lineSwatch(color: string, width: number, dash?: string): string {
  const d = dash ? ` stroke-dasharray="${dash.replace(' ', ',')}"` : '';
  return `<svg width="34" height="${Math.max(10, Math.ceil(width) + 2)}" aria-hidden="true"><line x1="1" y1="50%" x2="33" y2="50%" stroke="${color}" stroke-width="${width}"${d}/></svg>`;
}

/** A hub as a round gauge: filled from the bottom to its utilisation, coloured by band. */
export function hubGaugeSvg(u: number, band: UtilBand, sizePx: number, selected = false): string {
  const r = sizePx / 2 - 1.5;
  const c = sizePx / 2;
  const level = band === 'closed' ? 0 : Math.max(0, Math.min(1, u));
  const top = c + r - 2 * r * level;
  const id = `g${Math.round(u * 1000)}${band}${sizePx}`;
  const ring = selected ? '#111' : band === 'full' ? UTIL_COLOR.full : '#1f3a5f';
  const cross = band === 'closed' ? `<path d="M${c - r * 0.55} ${c - r * 0.55}L${c + r * 0.55} ${c + r * 0.55}M${c + r * 0.55} ${c - r * 0.55}L${c - r * 0.55} ${c + r * 0.55}" stroke="#4a5563" stroke-width="2"/>` : '';
  return (
    `<svg width="${sizePx}" height="${sizePx}" viewBox="0 0 ${sizePx} ${sizePx}" aria-hidden="true">` +
    `<defs><clipPath id="${id}"><rect x="0" y="${top}" width="${sizePx}" height="${sizePx}"/></clipPath></defs>` +
    `<circle cx="${c}" cy="${c}" r="${r}" fill="${band === 'closed' ? '#e3e7ec' : '#fff'}"/>` +
    `<circle cx="${c}" cy="${c}" r="${r}" fill="${UTIL_COLOR[band]}" clip-path="url(#${id})"/>` +
    `<circle cx="${c}" cy="${c}" r="${r}" fill="none" stroke="${ring}" stroke-width="${selected || band === 'full' ? 2.5 : 1.5}"/>` +
    cross +
    '</svg>'
  );
}

function legendHtml(st: FlowsDrawState, maxKg: number, counts: { hiddenSmall: number; hiddenSmallKg: number; hiddenLocal: number }): string {
  const parts: string[] = ['<div class="legend-title">Lanes</div>'];
  if (st.show === 'plan') {
    parts.push(
      '<div class="flows-legend-modes">' +
        MODES.map((m) => `<span>${lineSwatch(MODE_STYLE[m].color, 4, MODE_STYLE[m].dashArray)}${MODE_STYLE[m].label}</span>`).join('') +
        '</div>',
    );
  } else {
    parts.push(`<div class="flows-legend-modes"><span>${lineSwatch(GAIN, 4)}more flow</span><span>${lineSwatch(LOSS, 4, '6 4')}less flow</span></div>`);
  }
  const widths = widthLegendTonnes(maxKg);
  if (widths.length) {
    parts.push(`<div class="legend-sub">Width = ${st.show === 'plan' ? 'flow' : 'change of flow'}</div><div class="flows-legend-widths">`);
    for (const t of widths) parts.push(`<span>${lineSwatch('#5f6b7a', laneWidthPx(t * 1000, maxKg))}${n0(t)} t/day</span>`);
    parts.push('</div>');
  }
  const notes: string[] = [];
  if (counts.hiddenSmall) notes.push(`${counts.hiddenSmall} lanes under ${st.minPct} % of the largest ${st.show === 'plan' ? 'flow' : 'change'} not drawn (${tpd(counts.hiddenSmallKg)} in all)`);
  if (counts.hiddenLocal) notes.push(`${counts.hiddenLocal} first/last-mile lanes (city ↔ hub) not drawn`);
  if (notes.length) parts.push(`<div class="legend-note" data-testid="flows-legend-hidden">${notes.map(esc).join('; ')}.</div>`);
  parts.push('<div class="legend-title">Hubs: filled by throughput ÷ capacity</div><div class="flows-legend-util">');
  const bands: UtilBand[] = ['low', 'mid', 'high', 'full', 'closed'];
  const level: Record<UtilBand, number> = { closed: 0, idle: 0, low: 0.35, mid: 0.65, high: 0.9, full: 1 };
  for (const b of bands) parts.push(`<span>${hubGaugeSvg(level[b], b, 16)}${UTIL_LABEL[b]}</span>`);
  parts.push('</div>');
  return parts.join('');
}

/** Builds the layer; `onHub(id)` and `onLane(id)` run when a hub or a lane is clicked. */
export function createFlowsLayer(map: L.Map, places: FlowsPlaces, onHub: (id: string) => void, onLane: (id: string) => void): FlowsLayer {
  createFlowsPanes(map);
  const lanes = L.layerGroup();
  const hubs = L.layerGroup();
  const legend = new L.Control({ position: 'topright' });
  const legendEl = L.DomUtil.create('div', 'hf-flows-legend');
  legendEl.dataset.testid = 'flows-legend';
  legendEl.innerHTML = '<button type="button" class="legend-head" aria-expanded="true" data-testid="flows-legend-toggle">Legend<span class="chev" aria-hidden="true"></span></button><div class="legend-body"></div>';
  const legendBody = legendEl.querySelector<HTMLElement>('.legend-body')!;
  const legendHead = legendEl.querySelector<HTMLButtonElement>('.legend-head')!;
  legendHead.addEventListener('click', () => {
    const open = legendEl.classList.contains('collapsed');
    legendEl.classList.toggle('collapsed', !open);
    legendHead.setAttribute('aria-expanded', String(open));
  });
  legend.onAdd = () => legendEl;
  L.DomEvent.disableClickPropagation(legendEl);
  L.DomEvent.disableScrollPropagation(legendEl);
  let visible = false;
  let drawn = false;
  const name = (id: string) => places.get(id)?.name ?? id;

  const geometryOf = (fc: FlowsGeoJson | undefined, laneId: string): [number, number][] | null => {
    const f = fc?.features.find((x) => x.properties.laneId === laneId);
    return f ? f.geometry.coordinates : null;
  };
  const straight = (t: { a: string; b: string }): [number, number][] | null => {
    const a = places.get(t.a);
    const b = places.get(t.b);
    return a && b ? [[a.lon, a.lat], [b.lon, b.lat]] : null;
  };

  const laneTip = (t: LaneTotal, st: FlowsDrawState, delta?: { before: number; after: number }) => {
    const s = MODE_STYLE[t.mode];
    const lines = [`<div class="tt-title">${esc(name(t.a))} – ${esc(name(t.b))}</div>`, `<div><span class="chip" style="background:${s.color}"></span>${s.label}</div>`];
    if (delta) lines.push(`<div>${tpd(delta.before)} → <strong>${tpd(delta.after)}</strong> (${delta.after >= delta.before ? '+' : '−'}${tpd(Math.abs(delta.after - delta.before))})</div>`);
    else {
      lines.push(`<div><strong>${tpd(t.kgPerDay)}</strong></div>`);
      if (t.abKg > 0 && t.baKg > 0) lines.push(`<div class="tt-dim">→ ${esc(name(t.b))} ${tpd(t.abKg)} · → ${esc(name(t.a))} ${tpd(t.baKg)}</div>`);
    }
    const cap = st.plan.lanes.find((l) => l.laneId === t.laneId && l.capacityKgPerDay !== undefined)?.capacityKgPerDay;
    if (cap !== undefined) lines.push(`<div class="tt-dim">capacity ${tpd(cap)} each way</div>`);
    lines.push('<div class="tt-hint">Click to change its capacity or close it</div>');
    return lines.join('');
  };

  const hubTip = (h: HubUse, price: CapacityPrice | undefined) => {
    const lines = [`<div class="tt-title">${esc(h.name)}</div>`];
    if (!h.open) lines.push(`<div>closed${h.closed ? ' (what-if)' : ' by the model'}</div>`);
    else lines.push(`<div><strong>${Math.round(h.utilisation * 100)} %</strong> · ${tpd(h.usedKgPerDay)} of ${tpd(h.capacityKgPerDay)}</div>`);
    if (price && price.binding && price.savingCnyPerTonne > 0) lines.push(`<div>1 more t/day saves ¥${n0(price.savingCnyPerTonne)}/day</div>`);
    lines.push('<div class="tt-hint">Click to edit its capacity, close or keep it open</div>');
    return lines.join('');
  };

  function draw(st: FlowsDrawState) {
    lanes.clearLayers();
    hubs.clearLayers();
    const isHub = (id: string) => places.get(id)?.kind === 'hub';
    let counts: { shown: number; hiddenSmall: number; hiddenSmallKg: number; hiddenLocal: number };
    let maxKg: number;
    if (st.show === 'change' && st.diff && st.previous) {
      const changed = st.diff.lanes.map((d) => ({ laneId: d.laneId, a: d.a, b: d.b, mode: d.mode, kgPerDay: Math.abs(d.deltaKg), abKg: 0, baKg: 0, d }));
      const v = visibleLanes(changed, { minPct: st.minPct, local: st.local, isHub });
      maxKg = v.maxKg;
      counts = { shown: v.shown.length, hiddenSmall: v.hiddenSmall, hiddenSmallKg: v.hiddenSmallKg, hiddenLocal: v.hiddenLocal };
      for (const t of [...v.shown].sort((x, y) => y.kgPerDay - x.kgPerDay)) {
        const d = (t as (typeof changed)[number]).d;
        const coords = geometryOf(st.plan.geojson, t.laneId) ?? geometryOf(st.previous.geojson, t.laneId) ?? straight(t);
        if (!coords) continue;
        const gain = d.deltaKg > 0;
        const line = L.polyline(
          coords.map(([lon, lat]) => [lat, lon] as L.LatLngTuple),
          { pane: 'flows-lanes', color: gain ? GAIN : LOSS, weight: laneWidthPx(t.kgPerDay, maxKg), opacity: 0.85, dashArray: gain ? undefined : '8 5', lineCap: 'butt', className: `hf-flow hf-flow-${gain ? 'gain' : 'loss'}` },
        );
        line.bindTooltip(laneTip(t, st, { before: d.beforeKg, after: d.afterKg }), { className: 'hf-tip', sticky: true });
        line.on('click', () => onLane(t.laneId));
        lanes.addLayer(line);
      }
    } else {
      const v = visibleLanes(laneTotals(st.plan.lanes), { minPct: st.minPct, local: st.local, isHub });
      maxKg = v.maxKg;
      counts = { shown: v.shown.length, hiddenSmall: v.hiddenSmall, hiddenSmallKg: v.hiddenSmallKg, hiddenLocal: v.hiddenLocal };
      for (const t of v.shown) {
        const coords = geometryOf(st.plan.geojson, t.laneId) ?? straight(t);
        if (!coords) continue;
        const s = MODE_STYLE[t.mode];
        const sel = st.selected === t.laneId;
        const line = L.polyline(
          coords.map(([lon, lat]) => [lat, lon] as L.LatLngTuple),
          { pane: 'flows-lanes', color: sel ? '#111' : s.color, weight: laneWidthPx(t.kgPerDay, maxKg), opacity: 0.88, dashArray: t.mode === 'air' ? '10 6' : undefined, className: `hf-flow hf-flow-${t.mode}` },
        );
        line.bindTooltip(laneTip(t, st), { className: 'hf-tip', sticky: true });
        line.on('click', () => onLane(t.laneId));
        lanes.addLayer(line);
      }
    }
    const prices = new Map(st.plan.capacityPrices.filter((p) => p.kind === 'hub').map((p) => [p.id, p]));
    for (const h of st.plan.hubs) {
      const p = places.get(h.hub);
      if (!p) continue;
      const band = utilBand(h.utilisation, h.open);
      const size = 20;
      const m = L.marker([p.lat, p.lon], {
        pane: 'flows-hubs',
        icon: L.divIcon({ className: `hf-flow-hub hf-util-${band}`, html: hubGaugeSvg(h.utilisation, band, size, st.selected === h.hub).replace('<svg ', `<svg data-hub="${esc(h.hub)}" data-util="${h.utilisation.toFixed(4)}" `), iconSize: [size, size], iconAnchor: [size / 2, size / 2] }),
        keyboard: false,
      });
      m.bindTooltip(hubTip(h, prices.get(h.hub)), { className: 'hf-tip', direction: 'top', offset: [0, -10] });
      m.on('click', () => onHub(h.hub));
      (m.options as { hubId?: string }).hubId = h.hub;
      hubs.addLayer(m);
    }
    legendBody.innerHTML = legendHtml(st, maxKg, counts);
    drawn = true;
    if (visible) show();
    return counts;
  }

  function show() {
    visible = true;
    if (!drawn) return;
    lanes.addTo(map);
    hubs.addTo(map);
    legend.addTo(map);
  }

  function hide() {
    visible = false;
    lanes.remove();
    hubs.remove();
    legend.remove();
  }

  const bounds = () => {
    const b = L.latLngBounds([]);
    lanes.eachLayer((l) => b.extend((l as L.Polyline).getBounds()));
    if (!b.isValid()) hubs.eachLayer((l) => b.extend((l as L.Marker).getLatLng()));
    return b;
  };

  return { draw, bounds, show, hide };
}
