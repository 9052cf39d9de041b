// Hand-made SVG charts of the Analysis view: lines over the weeks with min–max bands over seeds, and
// the waterfall of the saving by component. Pure (they return markup), so they are unit-tested.
import { COMPONENTS, cny, niceRange, waterfallSteps, type Component } from './analysis-logic.js';
import type { Attribution } from './analysis-types.js';
import type { ChartBox } from './demand-chart.js';

/** Size and margins of a chart in CSS pixels (the Demand chart's box). */
export type Box = ChartBox;

/** Okabe–Ito colours (safe for colour-blind readers): optimised blue, baseline grey, and one hue per figure. */
export const COLORS = {
  optimised: '#0072B2',
  baseline: '#6b7684',
  merchants: '#0072B2',
  parcels: '#009E73',
  error: '#D55E00',
  saving: '#0072B2',
  loss: '#E69F00',
  total: '#1f3a5f',
} as const;

/** Colour of each component's bar in the waterfall. */
export const COMPONENT_COLORS: Record<Component, string> = { forecasting: '#56B4E9', allocation: '#009E73', routing: '#0072B2' };

/** One line of a chart, with an optional band (same length as values). */
export interface Series {
  key: string;
  label: string;
  values: number[];
  color: string;
  dashed?: boolean;
  band?: { lo: number[]; hi: number[] };
}

const f1 = (x: number) => (Math.round(x * 10) / 10).toString();
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** SVG path through points. */
export function linePath(pts: [number, number][]): string {
  return pts.map(([x, y], i) => `${i ? 'L' : 'M'}${f1(x)},${f1(y)}`).join('');
}

/** Week numbers to label on the x axis: the first, the last and round steps between (at most about `max`). */
export function weekTicks(first: number, last: number, max = 6): number[] {
  const n = last - first + 1;
  if (n <= max) return Array.from({ length: n }, (_, i) => first + i);
  const step = [1, 2, 4, 5, 10, 13, 26, 52].find((s) => n / s <= max - 1) ?? Math.ceil(n / max);
  const out = [first];
  for (let w = Math.ceil((first + 1) / step) * step; w < last; w += step) if (w - out[out.length - 1] >= step / 2) out.push(w);
  if (last - out[out.length - 1] < step / 2 && out.length > 1) out.pop();
  out.push(last);
  return out;
}

/**
 * A line chart over weeks. `zero` keeps 0 on the y axis (counts); otherwise the axis hugs the data
 * (costs and errors, where the gap between the lines is the finding). Each series is drawn as a
 * path `data-testid="line-<key>"`, its band as `band-<key>`.
 */
export function lineChart(o: { id: string; weeks: number[]; series: Series[]; yFmt: (v: number) => string; zero?: boolean; cap?: number; box: Box; label: string }): string {
  const { box, weeks, series } = o;
  const all = series.flatMap((s) => [...s.values, ...(s.band ? [...s.band.lo, ...s.band.hi] : [])]).filter(Number.isFinite);
  const lo = o.zero ? 0 : Math.min(...all);
  const hi = Math.max(...all);
  const ticks = niceRange(lo, o.cap !== undefined && hi > o.cap ? o.cap : hi, 4);
  const y0 = ticks[0];
  const y1 = ticks[ticks.length - 1];
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  const n = weeks.length;
  const x = (i: number) => box.left + (n > 1 ? (i / (n - 1)) * w : w / 2);
  // Values above the axis (a cap) are drawn at its top edge.
  const y = (v: number) => box.top + h - ((Math.min(v, y1) - y0) / (y1 - y0 || 1)) * h;
  const p: string[] = [`<svg class="an-chart" data-testid="chart-${o.id}" viewBox="0 0 ${box.width} ${box.height}" role="img" aria-label="${esc(o.label)}">`];
  for (const t of ticks) {
    p.push(`<line class="grid" x1="${box.left}" x2="${box.width - box.right}" y1="${f1(y(t))}" y2="${f1(y(t))}"/>`);
    p.push(`<text class="ylab" x="${box.left - 6}" y="${f1(y(t))}" dy="0.32em" text-anchor="end">${esc(o.yFmt(t))}</text>`);
  }
  for (const s of series) {
    if (!s.band || n < 2) continue;
    const up = s.band.hi.map((v, i) => [x(i), y(v)] as [number, number]);
    const down = s.band.lo.map((v, i) => [x(i), y(v)] as [number, number]).reverse();
    p.push(`<path class="band" data-testid="band-${s.key}" d="${linePath([...up, ...down])}Z" fill="${s.color}"/>`);
  }
  for (const s of series) {
    const pts = s.values.map((v, i) => [x(i), y(v)] as [number, number]);
    p.push(`<path class="line${s.dashed ? ' dashed' : ''}" data-testid="line-${s.key}" d="${linePath(pts)}" stroke="${s.color}"/>`);
    if (n === 1) p.push(`<circle cx="${f1(pts[0][0])}" cy="${f1(pts[0][1])}" r="3" fill="${s.color}"/>`);
  }
  const first = weeks[0];
  for (const wk of weekTicks(first, weeks[n - 1])) {
    p.push(`<text class="xlab" x="${f1(x(wk - first))}" y="${box.height - 6}" text-anchor="middle">${wk}</text>`);
  }
  p.push(`<line class="axis" x1="${box.left}" x2="${box.width - box.right}" y1="${f1(y(y0))}" y2="${f1(y(y0))}"/>`);
  p.push('</svg>');
  return p.join('');
}

/** Component names as the waterfall labels them. */
export const COMPONENT_LABEL: Record<Component, string> = { forecasting: 'Forecasting', allocation: 'Allocation', routing: 'Routing' };

/**
 * Waterfall of the saving: one floating bar per component (from the running total before it to the
 * one after; a negative share goes down, in orange), then the total from zero. Bars carry
 * `data-testid="wf-<component>"` and `wf-total`, with `data-cny`. Shares (% of the total) are labelled
 * only when `shares` (they mean little when the total is negative).
 */
export function waterfallSvg(a: Attribution, box: Box, shares = true): string {
  const steps = waterfallSteps(a);
  const cum: number[] = [];
  let run = 0;
  for (const s of steps) {
    cum.push(run);
    run += s.cny;
  }
  const ends = steps.map((s, i) => cum[i] + s.cny);
  const ticks = niceRange(Math.min(0, ...cum, ...ends, a.totalCny), Math.max(0, ...cum, ...ends, a.totalCny), 4);
  const y0 = ticks[0];
  const y1 = ticks[ticks.length - 1];
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  const y = (v: number) => box.top + h - ((v - y0) / (y1 - y0 || 1)) * h;
  const slots = COMPONENTS.length + 1;
  const slot = w / slots;
  const bw = Math.min(64, slot * 0.62);
  const cx = (i: number) => box.left + slot * (i + 0.5);
  const p: string[] = [`<svg class="an-chart an-waterfall" data-testid="waterfall" viewBox="0 0 ${box.width} ${box.height}" role="img" aria-label="Saving by component">`];
  for (const t of ticks) {
    p.push(`<line class="grid" x1="${box.left}" x2="${box.width - box.right}" y1="${f1(y(t))}" y2="${f1(y(t))}"/>`);
    p.push(`<text class="ylab" x="${box.left - 6}" y="${f1(y(t))}" dy="0.32em" text-anchor="end">${t === 0 ? '0' : esc(cny(t))}</text>`);
  }
  const bar = (i: number, from: number, to: number, fill: string, id: string, value: number, pct: string, name: string) => {
    const top = y(Math.max(from, to));
    const hh = Math.max(1, Math.abs(y(from) - y(to)));
    p.push(`<rect class="wf-bar" data-testid="wf-${id}" data-cny="${value.toFixed(0)}" x="${f1(cx(i) - bw / 2)}" y="${f1(top)}" width="${f1(bw)}" height="${f1(hh)}" fill="${fill}"/>`);
    p.push(`<text class="wf-val" x="${f1(cx(i))}" y="${f1(top - 5)}" text-anchor="middle">${esc(cny(value))}${pct ? `<tspan class="wf-pct"> ${pct}</tspan>` : ''}</text>`);
    p.push(`<text class="xlab wf-name" x="${f1(cx(i))}" y="${box.height - 6}" text-anchor="middle">${name}</text>`);
  };
  steps.forEach((s, i) => {
    bar(i, cum[i], ends[i], s.cny >= 0 ? COMPONENT_COLORS[s.component] : COLORS.loss, s.component, s.cny, shares ? `${Math.round(s.sharePct)}%` : '', COMPONENT_LABEL[s.component]);
    if (i < steps.length) {
      const yy = f1(y(ends[i]));
      p.push(`<line class="wf-link" x1="${f1(cx(i) + bw / 2)}" x2="${f1(cx(i + 1) - bw / 2)}" y1="${yy}" y2="${yy}"/>`);
    }
  });
  bar(steps.length, 0, a.totalCny, COLORS.total, 'total', a.totalCny, '', 'Total');
  p.push(`<line class="axis" x1="${box.left}" x2="${box.width - box.right}" y1="${f1(y(0))}" y2="${f1(y(0))}"/>`);
  p.push('</svg>');
  return p.join('');
}
