// Pure logic about one allocation plan and the difference between two: lanes merged per direction,
// line widths, the small-flow filter, hub utilisation bands, cost components and plain-words prices.
import type { Allocation, CapacityPrice, CostBreakdown, LaneFlow } from './flows-types.js';
import type { Mode } from './types.js';

/** Flow on one lane, both directions together. */
export interface LaneTotal {
  laneId: string;
  /** Ends as in the lane id (from~to~mode). */
  a: string;
  b: string;
  mode: Mode;
  kgPerDay: number;
  /** kg/day a → b and b → a. */
  abKg: number;
  baKg: number;
}

/** Splits a lane id `from~to~mode`. */
export function splitLaneId(id: string): { a: string; b: string; mode: Mode } {
  const [a, b, mode] = id.split('~');
  return { a, b, mode: mode as Mode };
}

/** Lane flows merged per lane (both directions), largest first. */
export function laneTotals(lanes: readonly LaneFlow[]): LaneTotal[] {
  const by = new Map<string, LaneTotal>();
  for (const l of lanes) {
    let t = by.get(l.laneId);
    if (!t) {
      const { a, b } = splitLaneId(l.laneId);
      t = { laneId: l.laneId, a, b, mode: l.mode, kgPerDay: 0, abKg: 0, baKg: 0 };
      by.set(l.laneId, t);
    }
    t.kgPerDay += l.kgPerDay;
    if (l.from === t.a) t.abKg += l.kgPerDay;
    else t.baKg += l.kgPerDay;
  }
  return [...by.values()].sort((x, y) => y.kgPerDay - x.kgPerDay || x.laneId.localeCompare(y.laneId));
}

/** Thinnest and thickest drawn lane, px. */
export const LANE_WIDTH_PX = { min: 1.5, max: 14 };

/** Line width of a lane: linear in its flow, the largest flow drawn `max` px wide. */
export function laneWidthPx(kg: number, maxKg: number): number {
  if (!(maxKg > 0) || !(kg > 0)) return LANE_WIDTH_PX.min;
  return LANE_WIDTH_PX.min + (LANE_WIDTH_PX.max - LANE_WIDTH_PX.min) * Math.min(1, kg / maxKg);
}

/** Round flows (t/day) to show in the width legend: about the largest, a half and a tenth of it. */
export function widthLegendTonnes(maxKg: number): number[] {
  const maxT = maxKg / 1000;
  if (!(maxT > 0)) return [];
  const nice = (x: number) => {
    const p = 10 ** Math.floor(Math.log10(x));
    const m = x / p;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
  };
  return [...new Set([nice(maxT), nice(maxT / 2), nice(maxT / 10)])].filter((t) => t > 0).sort((a, b) => b - a);
}

/** Which lanes are drawn: trunk lanes (hub ↔ hub) and, when asked, first/last mile; none below minPct of the largest. */
export function visibleLanes(
  totals: readonly LaneTotal[],
  opts: { minPct: number; local: boolean; isHub: (id: string) => boolean },
): { shown: LaneTotal[]; hiddenSmall: number; hiddenSmallKg: number; hiddenLocal: number; maxKg: number } {
  const pool = totals.filter((t) => opts.local || (opts.isHub(t.a) && opts.isHub(t.b)));
  const maxKg = pool.reduce((m, t) => Math.max(m, t.kgPerDay), 0);
  const cut = (maxKg * opts.minPct) / 100;
  const shown = pool.filter((t) => t.kgPerDay >= cut);
  const small = pool.filter((t) => t.kgPerDay < cut);
  return { shown, hiddenSmall: small.length, hiddenSmallKg: small.reduce((s, t) => s + t.kgPerDay, 0), hiddenLocal: totals.length - pool.length, maxKg };
}

/** Utilisation bands of a hub, for its fill colour. */
export type UtilBand = 'closed' | 'idle' | 'low' | 'mid' | 'high' | 'full';

/** The band of a hub's utilisation (0..1); `full` from 99.5 %. */
export function utilBand(u: number, open: boolean): UtilBand {
  if (!open) return 'closed';
  if (!(u > 0.001)) return 'idle';
  if (u >= 0.995) return 'full';
  if (u >= 0.8) return 'high';
  if (u >= 0.5) return 'mid';
  return 'low';
}

/** Colours of the bands (a sequential blue → red scale, closed hubs grey). */
export const UTIL_COLOR: Record<UtilBand, string> = {
  closed: '#9aa4b1',
  idle: '#ffffff',
  low: '#9ecae1',
  mid: '#4292c6',
  high: '#f08c2e',
  full: '#c8102e',
};

/** Legend labels of the bands. */
export const UTIL_LABEL: Record<UtilBand, string> = {
  closed: 'closed',
  idle: 'unused',
  low: 'under 50 %',
  mid: '50–80 %',
  high: '80–99 %',
  full: 'at capacity',
};

/** One line of the cost breakdown. */
export interface CostLine {
  key: string;
  label: string;
  cny: number;
  mode?: Mode;
}

const MODE_ORDER: readonly Mode[] = ['road', 'rail', 'air', 'sea'];
const MODE_NAME: Record<Mode, string> = { road: 'road', rail: 'rail', air: 'air', sea: 'sea' };

/** The cost components of a plan, in a fixed order; zero lines left out except the total's parts that exist. */
export function costLines(c: CostBreakdown): CostLine[] {
  const lines: CostLine[] = [{ key: 'firstMile', label: 'First mile (city → hub)', cny: c.firstMileCny }];
  for (const m of MODE_ORDER) {
    const v = c.trunkCnyByMode[m];
    if (v) lines.push({ key: `trunk-${m}`, label: `Trunk by ${MODE_NAME[m]}`, cny: v, mode: m });
  }
  lines.push({ key: 'lastMile', label: 'Last mile (hub → city)', cny: c.lastMileCny });
  lines.push({ key: 'handling', label: 'Sorting at hubs', cny: c.handlingCny });
  if (c.fixedHubCny) lines.push({ key: 'fixedHub', label: 'Hubs kept open (fixed)', cny: c.fixedHubCny });
  if (c.fixedLaneCny) lines.push({ key: 'fixedLane', label: 'Lanes run (fixed)', cny: c.fixedLaneCny });
  if (c.unmetPenaltyCny) lines.push({ key: 'unmet', label: 'Unserved demand (penalty)', cny: c.unmetPenaltyCny });
  return lines;
}

/** Thousands with separators, no decimals (or `digits`). */
export function n0(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Tonnes per day from kg per day, rounded for reading ("1,234 t/day", "0.4 t/day"). */
export function tpd(kg: number): string {
  const t = kg / 1000;
  return `${n0(t, Math.abs(t) < 10 && t !== 0 ? 1 : 0)} t/day`;
}

/** Money per day: "¥43.98 M/day", "¥412/day". */
export function cnyDay(x: number, signed = false): string {
  const sign = signed ? (x > 0 ? '+' : x < 0 ? '−' : '±') : x < 0 ? '−' : '';
  const a = Math.abs(x);
  const body = a >= 1e6 ? `${n0(a / 1e6, 2)} M` : a >= 1e4 ? `${n0(a / 1e3, 1)} k` : n0(a);
  return `${sign}¥${body}/day`;
}

/**
 * A capacity price in plain words: "1 more t/day at Wuhan sort hub saves ¥412/day, up to 3,400 t/day".
 * `name` turns a place id into its name.
 */
export function priceSentence(p: CapacityPrice, name: (id: string) => string): string {
  const where = p.kind === 'hub' ? name(p.id) : `the ${splitLaneId(p.id).mode} lane ${name(p.from ?? splitLaneId(p.id).a)} → ${name(p.to ?? splitLaneId(p.id).b)}`;
  if (!p.binding || p.savingCnyPerTonne <= 0) return `${where} has spare capacity (${n0(p.usedTonnesPerDay)} of ${n0(p.capacityTonnesPerDay)} t/day used)`;
  const saving = p.savingCnyPerTonne >= 100 ? n0(p.savingCnyPerTonne) : n0(p.savingCnyPerTonne, 2);
  let s = `1 more t/day at ${where} saves ¥${saving}/day`;
  if (p.validToTonnesPerDay !== undefined && Number.isFinite(p.validToTonnesPerDay) && p.validToTonnesPerDay > p.capacityTonnesPerDay) {
    s += `, up to ${n0(p.validToTonnesPerDay)} t/day`;
  }
  return s;
}

/** The binding capacities with a price, dearest first. */
export function bottlenecks(prices: readonly CapacityPrice[]): CapacityPrice[] {
  return prices.filter((p) => p.binding && p.savingCnyPerTonne > 0).sort((a, b) => b.savingCnyPerTonne - a.savingCnyPerTonne);
}

/** Change of one lane's flow between two plans (both directions together). */
export interface LaneDelta {
  laneId: string;
  a: string;
  b: string;
  mode: Mode;
  beforeKg: number;
  afterKg: number;
  deltaKg: number;
}

/** The difference between two plans. */
export interface PlanDiff {
  costDeltaCny: number;
  /** Per cost line, after − before (lines present in either plan). */
  costLines: { key: string; label: string; deltaCny: number }[];
  servedDeltaKg: number;
  unmetBeforeKg: number;
  unmetAfterKg: number;
  /** Lanes whose flow changed by more than the threshold, largest change first. */
  lanes: LaneDelta[];
  gained: number;
  lost: number;
  /** Hubs whose open/closed status changed. */
  opened: string[];
  closed: string[];
}

/**
 * Compares two plans. A lane counts as changed when its flow moved by more
 * than `minDeltaFraction` of the largest lane flow of either plan (default
 * 0.5 %), so that the list names what a planner would see on the map.
 */
export function diffPlans(before: Allocation, after: Allocation, minDeltaFraction = 0.005): PlanDiff {
  const b = new Map(laneTotals(before.lanes).map((t) => [t.laneId, t]));
  const a = new Map(laneTotals(after.lanes).map((t) => [t.laneId, t]));
  let maxKg = 0;
  for (const t of [...b.values(), ...a.values()]) maxKg = Math.max(maxKg, t.kgPerDay);
  const cut = maxKg * minDeltaFraction;
  const lanes: LaneDelta[] = [];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(id);
    const y = a.get(id);
    const beforeKg = x?.kgPerDay ?? 0;
    const afterKg = y?.kgPerDay ?? 0;
    const deltaKg = afterKg - beforeKg;
    if (Math.abs(deltaKg) <= cut || Math.abs(deltaKg) < 1e-6) continue;
    const t = (x ?? y)!;
    lanes.push({ laneId: id, a: t.a, b: t.b, mode: t.mode, beforeKg, afterKg, deltaKg });
  }
  lanes.sort((p, q) => Math.abs(q.deltaKg) - Math.abs(p.deltaKg) || p.laneId.localeCompare(q.laneId));
  const lb = new Map(costLines(before.costs).map((l) => [l.key, l]));
  const la = new Map(costLines(after.costs).map((l) => [l.key, l]));
  const keys = [...new Set([...lb.keys(), ...la.keys()])];
  const costDelta = keys
    .map((k) => ({ key: k, label: (la.get(k) ?? lb.get(k))!.label, deltaCny: (la.get(k)?.cny ?? 0) - (lb.get(k)?.cny ?? 0) }))
    .filter((l) => Math.abs(l.deltaCny) >= 0.5);
  const unmet = (p: Allocation) => p.unmet.reduce((s, u) => s + u.kgPerDay, 0);
  const openB = new Map(before.hubs.map((h) => [h.hub, h.open]));
  return {
    costDeltaCny: after.costs.totalCny - before.costs.totalCny,
    costLines: costDelta,
    servedDeltaKg: after.servedKgPerDay - before.servedKgPerDay,
    unmetBeforeKg: unmet(before),
    unmetAfterKg: unmet(after),
    lanes,
    gained: lanes.filter((l) => l.deltaKg > 0).length,
    lost: lanes.filter((l) => l.deltaKg < 0).length,
    opened: after.hubs.filter((h) => h.open && openB.get(h.hub) === false).map((h) => h.hub),
    closed: after.hubs.filter((h) => !h.open && openB.get(h.hub) === true).map((h) => h.hub),
  };
}
