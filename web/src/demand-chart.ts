// Hand-made SVG chart of one series: history tail, forecast mean, and interval bands (widest first),
// with a marker on the day shown on the map. Pure (returns markup), so it is unit-tested.
import { formatTick, levelsWidestFirst, niceTicks, shortDay } from './demand-logic.js';
import type { DemandSeries } from './demand-types.js';

/** Size and margins of the chart in CSS pixels. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_BOX: Readonly<ChartBox> = { width: 396, height: 196, left: 46, right: 10, top: 10, bottom: 24 };

/** Band fills by level (darker = narrower); other levels take the lightest. */
const BAND_FILL: Record<string, string> = { '80': '#9ecae1', '95': '#deebf7' };
const HISTORY = '#4a5563';
const MEAN = '#08519c';

/** x of index `i` of `n` dates, y of value `v` on an axis 0..top. */
export function scales(n: number, top: number, box: ChartBox = CHART_BOX): { x: (i: number) => number; y: (v: number) => number } {
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  return {
    x: (i) => box.left + (n > 1 ? (i / (n - 1)) * w : w / 2),
    y: (v) => box.top + h - (top > 0 ? (v / top) * h : 0),
  };
}

const f1 = (x: number) => (Math.round(x * 10) / 10).toString();

/** SVG path `M x,y L …` through points. */
export function linePath(pts: [number, number][]): string {
  return pts.map(([x, y], i) => `${i ? 'L' : 'M'}${f1(x)},${f1(y)}`).join('');
}

/** Closed SVG path of the area between `lo` and `hi` (upper edge left to right, lower edge back). */
export function bandPath(xs: number[], lo: number[], hi: number[], y: (v: number) => number): string {
  const up = xs.map((x, i) => [x, y(hi[i])] as [number, number]);
  const down = xs.map((x, i) => [x, y(lo[i])] as [number, number]).reverse();
  return `${linePath([...up, ...down])}Z`;
}

/** The highest value the chart must show: history, mean and every upper bound. */
export function chartMax(s: DemandSeries): number {
  let m = 0;
  for (const v of s.historyTail) m = Math.max(m, v);
  for (const v of s.forecast.mean) m = Math.max(m, v);
  for (const b of Object.values(s.forecast.intervals)) for (const v of b.hi) m = Math.max(m, v);
  return m;
}

/** Indices of the dates to label on the x axis: the first of each month, else about every `every` days. */
export function xLabelIndices(dates: string[], maxLabels = 5): number[] {
  const firsts = dates.map((d, i) => (d.endsWith('-01') ? i : -1)).filter((i) => i >= 0);
  if (firsts.length >= 2 && firsts.length <= maxLabels) return firsts;
  const every = Math.max(1, Math.ceil(dates.length / maxLabels));
  const out: number[] = [];
  for (let i = 0; i < dates.length; i += every) out.push(i);
  return out;
}

/**
 * The chart as SVG markup. `dates` = history dates then forecast dates; `day` = horizon day marked.
 * Elements carry data-testids: demand-history, demand-mean, demand-band-<level>, demand-day-marker.
 */
export function chartSvg(s: DemandSeries, dates: string[], day: number, box: ChartBox = CHART_BOX, title = ''): string {
  const nh = s.historyTail.length;
  const nf = s.forecast.mean.length;
  const n = nh + nf;
  const ticks = niceTicks(chartMax(s), 4);
  const top = ticks[ticks.length - 1];
  const { x, y } = scales(n, top, box);
  const parts: string[] = [];
  parts.push(`<svg class="demand-chart" data-testid="demand-chart" viewBox="0 0 ${box.width} ${box.height}" width="${box.width}" height="${box.height}" role="img" aria-label="${title}">`);
  // Grid and y labels.
  for (const t of ticks) {
    const yy = f1(y(t));
    parts.push(`<line class="grid" x1="${box.left}" x2="${box.width - box.right}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text class="ylab" x="${box.left - 5}" y="${yy}" dy="0.32em" text-anchor="end">${formatTick(t)}</text>`);
  }
  // Forecast area shading and the boundary "today".
  const x0 = (x(nh - 1) + x(nh)) / 2;
  parts.push(`<rect class="future" x="${f1(x0)}" y="${box.top}" width="${f1(box.width - box.right - x0)}" height="${box.height - box.top - box.bottom}"/>`);
  // Bands, widest first; each starts at the last history point so it joins the history line.
  const fx = [x(nh - 1), ...s.forecast.mean.map((_, i) => x(nh + i))];
  const last = s.historyTail[nh - 1] ?? s.forecast.mean[0];
  for (const lvl of levelsWidestFirst(s)) {
    const b = s.forecast.intervals[lvl];
    const d = bandPath(fx, [last, ...b.lo], [last, ...b.hi], y);
    parts.push(`<path class="band" data-testid="demand-band-${lvl}" data-level="${lvl}" d="${d}" fill="${BAND_FILL[lvl] ?? '#eef4fa'}"/>`);
  }
  parts.push(`<line class="now" x1="${f1(x0)}" x2="${f1(x0)}" y1="${box.top}" y2="${box.height - box.bottom}"/>`);
  parts.push(`<text class="zone" x="${f1(x0 - 4)}" y="${box.top + 9}" text-anchor="end">history</text>`);
  parts.push(`<text class="zone" x="${f1(x0 + 4)}" y="${box.top + 9}">forecast</text>`);
  // History and mean.
  const hist = s.historyTail.map((v, i) => [x(i), y(v)] as [number, number]);
  parts.push(`<path class="history" data-testid="demand-history" d="${linePath(hist)}" stroke="${HISTORY}"/>`);
  const mean = [[x(nh - 1), y(last)] as [number, number], ...s.forecast.mean.map((v, i) => [x(nh + i), y(v)] as [number, number])];
  parts.push(`<path class="mean" data-testid="demand-mean" d="${linePath(mean)}" stroke="${MEAN}"/>`);
  // The day shown on the map.
  const d = Math.min(Math.max(0, day), nf - 1);
  if (nf > 0) {
    const mx = f1(x(nh + d));
    parts.push(`<line class="day" data-testid="demand-day-marker" x1="${mx}" x2="${mx}" y1="${box.top}" y2="${box.height - box.bottom}"/>`);
    parts.push(`<circle class="day-dot" cx="${mx}" cy="${f1(y(s.forecast.mean[d]))}" r="3.5" fill="${MEAN}"/>`);
  }
  // x labels.
  for (const i of xLabelIndices(dates)) {
    if (i >= n) continue;
    parts.push(`<text class="xlab" x="${f1(x(i))}" y="${box.height - 7}" text-anchor="middle">${shortDay(dates[i])}</text>`);
  }
  parts.push(`<line class="axis" x1="${box.left}" x2="${box.width - box.right}" y1="${f1(y(0))}" y2="${f1(y(0))}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
