import type { Network } from '../../network/network.js';
import type { Mode } from '../../network/types.js';
import type { LpResult } from '../lp/model.js';
import { capacityPriceRange, capacityPrices, priceHoldsForOneMore, describeCapacityPrice, unusedReducedCosts, type CapacityRef } from '../prices.js';
import type { HubModel } from './model.js';

/** Price of one capacity (hub throughput or lane) from the LP duals. Money per day, capacity in tonnes/day. */
export interface HubCapacityPrice {
  kind: 'hub' | 'lane';
  /** Hub id or lane id (`from~to~mode`). */
  id: string;
  /** For a lane: the direction. */
  from?: string;
  to?: string;
  capacityTonnesPerDay: number;
  usedTonnesPerDay: number;
  binding: boolean;
  /** CNY/day saved by one more tonne/day of capacity (0 when not binding). */
  savingCnyPerTonne: number;
  /**
   * Capacity range (tonnes/day) over which that saving holds (HiGHS ranging), when known (absent
   * otherwise, e.g. without ranging). validTo is absent when the range is unbounded above.
   */
  validFromTonnesPerDay?: number;
  validToTonnesPerDay?: number;
  /**
   * When the range is known: whether it reaches at least one tonne/day above the current capacity, so
   * that one more tonne/day saves exactly the price. False at a degenerate optimum: one more saves at most that much.
   */
  holdsForMoreCapacity?: boolean;
  /** Plain words: "1 more tonne/day at the Wuhan sort hub saves ¥412/day". */
  text: string;
}

/** An unused trunk lane (one direction) and how much its cost per kg must fall before the plan uses it. */
export interface UnusedLane {
  laneId: string;
  from: string;
  to: string;
  mode: Mode;
  costCnyPerKg: number;
  mustFallByCnyPerKg: number;
  text: string;
}

const WORDING = { unit: 'tonne/day', currency: '¥', per: '/day', unitsPerModelUnit: 1000 };

/** Capacity prices of every hub that carries flow or is binding, and of every capacitated lane, binding first. */
export function hubCapacityPrices(network: Network, hm: HubModel, lp: LpResult): HubCapacityPrice[] {
  const refs: CapacityRef[] = [];
  const meta: { kind: 'hub' | 'lane'; id: string; from?: string; to?: string }[] = [];
  hm.hubRow.forEach((row, h) => {
    if (row < 0 || hm.openVar[h] >= 0) return;
    const hub = network.data.hubs[h];
    refs.push({ label: `the ${hub.name}`, row });
    meta.push({ kind: 'hub', id: hub.id });
  });
  for (const r of hm.laneRows) {
    const l = hm.routeSet.lanes[r.lane];
    refs.push({ label: `the ${l.mode} lane ${network.place(l.from)?.name ?? l.from} → ${network.place(l.to)?.name ?? l.to}`, row: r.row });
    meta.push({ kind: 'lane', id: l.laneId, from: l.from, to: l.to });
  }
  const prices = capacityPrices(hm.model, lp, refs);
  return prices
    .map((p, i) => {
      const out: HubCapacityPrice = {
        ...meta[i],
        capacityTonnesPerDay: p.capacity / 1000,
        usedTonnesPerDay: p.used / 1000,
        binding: p.binding,
        savingCnyPerTonne: p.savingPerUnit * 1000,
        text: describeCapacityPrice(p, WORDING),
      };
      const range = p.binding ? capacityPriceRange(p) : null;
      if (range) {
        out.validFromTonnesPerDay = range.from / 1000;
        if (Number.isFinite(range.to)) out.validToTonnesPerDay = range.to / 1000;
        out.holdsForMoreCapacity = priceHoldsForOneMore(p, 1000);
      }
      return out;
    })
    .sort((a, b) => b.savingCnyPerTonne - a.savingCnyPerTonne || b.usedTonnesPerDay / (b.capacityTonnesPerDay || 1) - a.usedTonnesPerDay / (a.capacityTonnesPerDay || 1));
}

/**
 * Unused trunk lanes (directed) that some candidate route uses, with the fall
 * in cost per kg that would make the plan use them: the smallest reduced cost
 * of the candidate routes over that lane (a lane's cost change moves each of
 * its routes' costs by the same amount). Cheapest to bring in first.
 */
export function unusedTrunkLanes(network: Network, hm: HubModel, lp: LpResult, limit = 50): UnusedLane[] {
  const { routes, lanes } = hm.routeSet;
  const x = lp.values!;
  const rc = new Map(unusedReducedCosts(hm.model, lp, routes.map((_, j) => ({ label: String(j), variable: j }))).map((r) => [Number(r.label), r.mustFallBy]));
  const used = new Uint8Array(lanes.length);
  routes.forEach((r, j) => {
    if (x[j] <= 1e-6) return;
    for (const p of [r.firstMile, r.trunk, r.lastMile]) if (p) for (const l of p.lanes) used[l] = 1;
  });
  const best = new Map<number, number>();
  routes.forEach((r, j) => {
    // Routes shut by a MIP's choice (a closed hub or a lane not run) cannot come in by a cost fall alone.
    if (!r.trunk || hm.model.variables[j].upper <= 0) return;
    r.trunk.lanes.forEach((l) => {
      if (used[l]) return;
      const v = rc.get(j) ?? 0;
      if (!best.has(l) || v < best.get(l)!) best.set(l, v);
    });
  });
  const name = (id: string) => network.place(id)?.name ?? id;
  return [...best.entries()]
    .map(([l, fall]) => {
      const lane = lanes[l];
      return {
        laneId: lane.laneId,
        from: lane.from,
        to: lane.to,
        mode: lane.mode,
        costCnyPerKg: lane.costCnyPerKg,
        mustFallByCnyPerKg: fall,
        text: `the ${lane.mode} lane ${name(lane.from)} → ${name(lane.to)} would be used if its cost fell by ¥${fall.toFixed(3)}/kg`,
      };
    })
    .sort((a, b) => a.mustFallByCnyPerKg - b.mustFallByCnyPerKg)
    .slice(0, limit);
}

/** Hub id / lane id → CNY per kg at capacity, for `QuoteEngine.setCongestion`. Only binding capacities with a positive price. */
export function congestionPrices(prices: readonly HubCapacityPrice[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of prices) {
    if (!p.binding || p.savingCnyPerTonne <= 0) continue;
    const perKg = Math.round((p.savingCnyPerTonne / 1000) * 1e4) / 1e4;
    out.set(p.id, Math.max(out.get(p.id) ?? 0, perKg));
  }
  return out;
}
