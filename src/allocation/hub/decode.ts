import type { Network } from '../../network/network.js';
import type { Mode } from '../../network/types.js';
import { KG_PER_TONNE } from '../../shared/units.js';
import type { LpResult } from '../lp/model.js';
import type { HubModel } from './model.js';

const EPS_KG = 1e-6;

/** Flow on one directed lane, kg/day. */
export interface LaneFlow {
  laneId: string;
  from: string;
  to: string;
  mode: Mode;
  kgPerDay: number;
  /** Capacity (kg/day) when the lane has one. */
  capacityKgPerDay?: number;
}

export interface HubUse {
  hub: string;
  name: string;
  usedKgPerDay: number;
  capacityKgPerDay: number;
  /** used / capacity (0 when the capacity is 0 and nothing passes). */
  utilisation: number;
  open: boolean;
  closed: boolean;
}

/** Cost per day by component, CNY. Handling is sorting at arrival nodes, included in no other line. */
export interface CostBreakdown {
  firstMileCny: number;
  trunkCnyByMode: Partial<Record<Mode, number>>;
  trunkCny: number;
  lastMileCny: number;
  handlingCny: number;
  unmetPenaltyCny: number;
  fixedHubCny: number;
  /** Fixed cost of the lanes run (mixed-integer model with lane decisions). */
  fixedLaneCny: number;
  totalCny: number;
}

/** A lane whose running the model decided, both directions. */
export interface LaneRun {
  laneId: string;
  mode: Mode;
  from: string;
  to: string;
  run: boolean;
  /** Forced open by the request. */
  forced: boolean;
  fixedCnyPerDay: number;
  /** Flow over both directions, kg/day. */
  kgPerDay: number;
}

export interface UnmetDemand {
  from: string;
  to: string;
  kgPerDay: number;
  demandKgPerDay: number;
  /** Plain words: which hubs or lanes were closed or at capacity. */
  reason: string;
  closedHubs: string[];
  hubsAtCapacity: string[];
  lanesAtCapacity: string[];
}

/** Decoded flows of a solved hub model. */
export interface AllocationFlows {
  lanes: LaneFlow[];
  hubs: HubUse[];
  costs: CostBreakdown;
  unmet: UnmetDemand[];
  servedKgPerDay: number;
  demandKgPerDay: number;
  /** Lanes the model decided to run or not (empty without lane decisions): running ones first, then by flow. */
  laneRuns: LaneRun[];
}

/**
 * Decodes a solution (values of the hub model's variables) into lane flows, hub
 * use, which lanes run, costs and unmet demand with reasons. `choice` overrides
 * which hubs count as open and which lanes run (a MIP's choice, when decoding
 * the LP with that choice fixed: `choice.model` is then the MIP's HubModel).
 */
export function decodeAllocation(
  network: Network,
  hm: HubModel,
  result: LpResult,
  choice?: { open: readonly boolean[]; run: readonly boolean[]; model: HubModel },
): AllocationFlows {
  const open = choice?.open;
  const x = result.values!;
  const { routes, lanes, hubIds, candidates } = hm.routeSet;
  const laneKg = new Float64Array(lanes.length);
  const hubKg = new Float64Array(hubIds.length);
  const costs: CostBreakdown = { firstMileCny: 0, trunkCnyByMode: {}, trunkCny: 0, lastMileCny: 0, handlingCny: 0, unmetPenaltyCny: 0, fixedHubCny: 0, fixedLaneCny: 0, totalCny: 0 };
  routes.forEach((r, j) => {
    const kg = x[j];
    if (kg <= EPS_KG) return;
    for (const h of r.hubs) hubKg[h] += kg;
    for (const p of [r.firstMile, r.trunk, r.lastMile]) {
      if (!p) continue;
      for (const l of p.lanes) laneKg[l] += kg;
      costs.handlingCny += kg * p.cost.handlingCnyPerKg;
    }
    costs.firstMileCny += kg * r.firstMile.cost.lineHaulCnyPerKg;
    costs.lastMileCny += kg * r.lastMile.cost.lineHaulCnyPerKg;
    if (r.trunk) {
      costs.trunkCny += kg * r.trunk.cost.lineHaulCnyPerKg;
      for (const [m, c] of Object.entries(r.trunk.cost.byMode)) costs.trunkCnyByMode[m as Mode] = (costs.trunkCnyByMode[m as Mode] ?? 0) + kg * c!;
    }
  });
  const closed = new Set(hm.overrides.closedHubs ?? []);
  const mipHm = choice?.model ?? hm;
  const hubs: HubUse[] = network.data.hubs.map((h, i) => {
    const y = mipHm.openVar[i];
    const isOpen = open ? open[i] : y >= 0 ? x[y] > 0.5 : !closed.has(h.id);
    if (y >= 0 && isOpen) costs.fixedHubCny += mipHm.model.variables[y].cost;
    const cap = hm.hubCapacityKg[i];
    return { hub: h.id, name: h.name, usedKgPerDay: hubKg[i], capacityKgPerDay: cap, utilisation: cap > 0 ? hubKg[i] / cap : 0, open: isOpen, closed: closed.has(h.id) };
  });
  const laneCap = new Map(hm.laneRows.map((r) => [r.lane, r.capacityKg]));
  const laneFlows: LaneFlow[] = [];
  lanes.forEach((l, i) => {
    if (laneKg[i] <= EPS_KG) return;
    const f: LaneFlow = { ...l, kgPerDay: laneKg[i] };
    if (laneCap.has(i)) f.capacityKgPerDay = laneCap.get(i);
    laneFlows.push(f);
  });
  laneFlows.sort((a, b) => b.kgPerDay - a.kgPerDay);
  const laneRuns: LaneRun[] = mipHm.laneChoices.map((c, k) => {
    const run = choice ? choice.run[k] : x[c.variable] > 0.5;
    if (run) costs.fixedLaneCny += c.fixedCnyPerDay;
    const kg = c.directed.reduce((sum, l) => sum + laneKg[l], 0);
    return { laneId: c.laneId, mode: c.mode, from: c.from, to: c.to, run, forced: c.forced, fixedCnyPerDay: c.fixedCnyPerDay, kgPerDay: kg };
  });
  laneRuns.sort((a, b) => Number(b.run) - Number(a.run) || b.kgPerDay - a.kgPerDay || a.laneId.localeCompare(b.laneId));
  const notRun = new Set(laneRuns.filter((r) => !r.run).map((r) => r.laneId));

  const hubFull = (h: number) => hubs[h].open && hubKg[h] >= hm.hubCapacityKg[h] * (1 - 1e-6) - EPS_KG;
  const laneFull = new Set(hm.laneRows.filter((r) => laneKg[r.lane] >= r.capacityKg * (1 - 1e-6) - EPS_KG).map((r) => r.lane));
  const routesOf: number[][] = hm.demand.map(() => []);
  routes.forEach((r, j) => routesOf[r.od].push(j));
  const unmet: UnmetDemand[] = [];
  let served = 0;
  let total = 0;
  hm.demand.forEach((d, i) => {
    const s = x[hm.slackVar[i]];
    total += d.kgPerDay;
    served += d.kgPerDay - s;
    costs.unmetPenaltyCny += s * hm.model.variables[hm.slackVar[i]].cost;
    if (s <= EPS_KG) return;
    const cand = candidates[i];
    const closedHubs = [...new Set([...cand.originHubs, ...cand.destHubs])].filter((h) => closed.has(hubIds[h]) || !hubs[h].open).map((h) => hubIds[h]);
    const full = new Set<string>();
    const fullLanes = new Set<string>();
    const shutLanes = new Set<string>();
    for (const j of routesOf[i]) {
      const r = routes[j];
      for (const h of r.hubs) if (hubFull(h)) full.add(hubIds[h]);
      for (const p of [r.firstMile, r.trunk, r.lastMile]) {
        if (!p) continue;
        for (const l of p.lanes) {
          if (laneFull.has(l)) fullLanes.add(lanes[l].laneId);
          if (notRun.has(lanes[l].laneId)) shutLanes.add(lanes[l].laneId);
        }
      }
    }
    const name = (id: string) => network.place(id)?.name ?? id;
    const parts: string[] = [];
    if (cand.originHubs.length === 0) parts.push(`no hub reachable by road from ${name(d.from)}`);
    if (cand.destHubs.length === 0) parts.push(`no hub reachable by road from ${name(d.to)}`);
    if (closedHubs.length) parts.push(`closed: ${closedHubs.map(name).join(', ')}`);
    if (full.size) parts.push(`at capacity: ${[...full].map(name).join(', ')}`);
    if (fullLanes.size) parts.push(`lanes at capacity: ${[...fullLanes].join(', ')}`);
    if (shutLanes.size) parts.push(`lanes not run (fixed cost above what they save): ${[...shutLanes].join(', ')}`);
    if (routesOf[i].length === 0 && parts.length === 0) parts.push('no open route between the candidate hubs');
    if (parts.length === 0) parts.push(`every candidate route costs more than the unmet penalty (¥${hm.options.unmetPenaltyCnyPerKg}/kg)`);
    unmet.push({ from: d.from, to: d.to, kgPerDay: s, demandKgPerDay: d.kgPerDay, reason: parts.join('; '), closedHubs, hubsAtCapacity: [...full], lanesAtCapacity: [...fullLanes] });
  });
  unmet.sort((a, b) => b.kgPerDay - a.kgPerDay);
  costs.totalCny = costs.firstMileCny + costs.trunkCny + costs.lastMileCny + costs.handlingCny + costs.unmetPenaltyCny + costs.fixedHubCny + costs.fixedLaneCny;
  return { lanes: laneFlows, hubs, costs, unmet, servedKgPerDay: served, demandKgPerDay: total, laneRuns };
}

/** Tonnes from kg, for plain-words output. */
export const tonnes = (kg: number): number => kg / KG_PER_TONNE;
