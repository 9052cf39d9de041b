// The Demand view on the map: one circle per city, area ∝ forecast parcels on the chosen day, coloured
// by the same volume or by the backtest error; a legend (size key + colour ramp) and a SYNTHETIC banner.
import L from 'leaflet';
import { esc } from './format.js';
import {
  BLUES,
  YLORRD,
  dayFigures,
  demandRadius,
  formatCount,
  formatDay,
  formatPct,
  maxForecast,
  maxSmape,
  niceTicks,
  rampColor,
  sizeKeyValues,
  formatTick,
  type ColorBy,
} from './demand-logic.js';
import type { DemandCity, DemandForecast, Direction } from './demand-types.js';

/** What the layer draws. */
export interface DemandDrawState {
  day: number;
  direction: Direction;
  colorBy: ColorBy;
  selected: string | null;
}

/** The Demand layer: draw a forecast, update on state changes, clear. */
export interface DemandLayer {
  show(f: DemandForecast, st: DemandDrawState): void;
  update(st: DemandDrawState): void;
  clear(): void;
  /** Bounds of the cities drawn (invalid when none). */
  bounds(): L.LatLngBounds;
  setVisible(on: boolean): void;
}

/** Creates the pane the demand circles draw into (above the network's cities, below tooltips). */
export function createDemandPanes(map: L.Map): void {
  map.createPane('demand').style.zIndex = '440';
}

const DIR_WORD: Record<Direction, string> = { origin: 'sent', destination: 'received' };

function tooltip(c: DemandCity, st: DemandDrawState, date: string): string {
  const s = c[st.direction];
  const { mean, bands } = dayFigures(s, st.day);
  const b95 = bands['95'];
  const b80 = bands['80'];
  const range = (b: [number, number] | undefined, lvl: string) => (b ? `<div class="tt-dim">${lvl} %: ${formatCount(b[0])} – ${formatCount(b[1])}</div>` : '');
  return (
    `<div class="tt-title">${esc(c.name)} <span class="zh">${esc(c.nameZh)}</span></div>` +
    `<div><strong>${formatCount(mean)}</strong> parcels ${DIR_WORD[st.direction]} on ${esc(date ? formatDay(date) : '')}</div>` +
    range(b80, '80') +
    range(b95, '95') +
    `<div>Backtest sMAPE ${formatPct(s.backtest.smape)}</div>` +
    '<div class="tt-hint">Click for the chart</div>'
  );
}

function legendHtml(f: DemandForecast, st: DemandDrawState, maxV: number): string {
  const dir = DIR_WORD[st.direction];
  // Size key: three round values below the maximum.
  const keys = sizeKeyValues(maxV).map((v) => {
    const r = demandRadius(v, maxV);
    const d = Math.ceil(2 * r + 2);
    return `<span class="size-item"><svg width="${d}" height="${d}" aria-hidden="true"><circle cx="${d / 2}" cy="${d / 2}" r="${r.toFixed(1)}" fill="#d3d9e0" fill-opacity="0.6" stroke="#5f6b7a"/></svg><span>${formatTick(v)}</span></span>`;
  });
  const size = `<div class="legend-title">Parcels ${dir} per day (circle area)</div><div class="legend-sizes">${keys.join('')}</div>`;
  let color: string;
  if (st.colorBy === 'error') {
    const ticks = niceTicks(maxSmape(f, st.direction), 3);
    const top = ticks[ticks.length - 1];
    const stops = YLORRD.map((c, i) => `${c} ${(i / (YLORRD.length - 1)) * 100}%`).join(',');
    const labels = ticks.map((t) => `<span style="left:${(t / top) * 100}%">${t}</span>`).join('');
    color =
      `<div class="legend-title">Colour: backtest error (sMAPE %)</div>` +
      `<div class="ramp" data-testid="demand-ramp" style="background:linear-gradient(to right,${stops})"></div><div class="ramp-labels">${labels}</div>` +
      '<div class="legend-note">lighter = more accurate</div>';
  } else {
    const stops = BLUES.map((c, i) => `${c} ${(i / (BLUES.length - 1)) * 100}%`).join(',');
    color =
      `<div class="legend-title">Colour: parcels (as the size)</div>` +
      `<div class="ramp" data-testid="demand-ramp" style="background:linear-gradient(to right,${stops})"></div><div class="ramp-labels"><span style="left:0">0</span><span style="left:100%">${formatCount(maxV)}</span></div>`;
  }
  return `${size}${color}`;
}

/** Builds the Demand layer; `onPick(id)` runs when a circle is clicked. */
export function createDemandLayer(map: L.Map, onPick: (id: string) => void): DemandLayer {
  const group = L.layerGroup();
  const markers = new Map<string, L.CircleMarker>();
  let forecast: DemandForecast | null = null;
  let state: DemandDrawState | null = null;
  let visible = false;

  const legend = new L.Control({ position: 'bottomright' });
  const legendEl = L.DomUtil.create('div', 'hf-demand-legend');
  legendEl.dataset.testid = 'demand-legend';
  legend.onAdd = () => legendEl;
  L.DomEvent.disableClickPropagation(legendEl);
  const banner = new L.Control({ position: 'topright' });
  const bannerEl = L.DomUtil.create('div', 'hf-demand-banner');
  bannerEl.dataset.testid = 'demand-synthetic-banner';
  bannerEl.innerHTML = '<div class="banner-title" data-testid="demand-map-title">Parcel demand forecast</div><div><strong>SYNTHETIC demand</strong> · seeded generator, not observed data</div>';
  banner.onAdd = () => bannerEl;

  const draw = () => {
    if (!forecast || !state) return;
    const st = state;
    const maxV = maxForecast(forecast, st.direction);
    const errTop = niceTicks(maxSmape(forecast, st.direction), 3).slice(-1)[0];
    const date = forecast.dates[forecast.historyDays + Math.min(st.day, forecast.horizonDays - 1)] ?? '';
    // Largest first, so small circles stay on top and clickable.
    const order = [...forecast.cities].sort((a, b) => dayFigures(b[st.direction], st.day).mean - dayFigures(a[st.direction], st.day).mean);
    for (const c of order) {
      const m = markers.get(c.id);
      if (!m) continue;
      const s = c[st.direction];
      const v = dayFigures(s, st.day).mean;
      const r = demandRadius(v, maxV);
      const fill = st.colorBy === 'error' ? rampColor((s.backtest.smape ?? 0) / errTop, YLORRD) : rampColor(0.2 + 0.8 * Math.sqrt(v / maxV), BLUES);
      const sel = c.id === st.selected;
      m.setRadius(r);
      m.setStyle({ fillColor: fill, color: sel ? '#111' : st.colorBy === 'error' ? '#7a2a10' : '#08519c', weight: sel ? 2.5 : 0.8 });
      m.setTooltipContent(tooltip(c, st, date));
      const el = m.getElement();
      if (el) {
        el.setAttribute('data-id', c.id);
        el.setAttribute('data-r', r.toFixed(2));
        el.setAttribute('data-value', String(v));
        el.setAttribute('fill', fill);
        el.classList.toggle('selected', sel);
      }
      m.bringToFront();
    }
    markers.get(st.selected ?? '')?.bringToFront();
    legendEl.innerHTML = legendHtml(forecast, st, maxV);
    bannerEl.querySelector('.banner-title')!.textContent = `Parcels ${DIR_WORD[st.direction]} per city · ${date ? formatDay(date) : ''} (forecast day ${st.day + 1} of ${forecast.horizonDays})`;
    map.getContainer().dataset.demandCircles = String(markers.size);
    map.getContainer().dataset.demandDay = String(st.day);
  };

  const setVisible = (on: boolean) => {
    visible = on;
    if (on) {
      group.addTo(map);
      if (forecast) legend.addTo(map);
      banner.addTo(map);
      draw();
    } else {
      group.remove();
      legend.remove();
      banner.remove();
    }
  };

  return {
    show(f, st) {
      group.clearLayers();
      markers.clear();
      forecast = f;
      state = st;
      for (const c of f.cities) {
        const m = L.circleMarker([c.lat, c.lon], { pane: 'demand', className: 'hf-demand-city', radius: 3, fillOpacity: 0.78, bubblingMouseEvents: false });
        m.bindTooltip('', { sticky: true, direction: 'top', className: 'hf-tip' });
        m.on('click', () => onPick(c.id));
        m.addTo(group);
        m.getElement()?.setAttribute('data-id', c.id);
        markers.set(c.id, m);
      }
      if (visible) {
        legend.addTo(map);
        draw();
      }
    },
    update(st) {
      state = st;
      if (visible) draw();
    },
    clear() {
      group.clearLayers();
      markers.clear();
      forecast = null;
      legend.remove();
      delete map.getContainer().dataset.demandCircles;
    },
    bounds() {
      return forecast ? L.latLngBounds(forecast.cities.map((c) => [c.lat, c.lon] as [number, number])) : L.latLngBounds([]);
    },
    setVisible,
  };
}
