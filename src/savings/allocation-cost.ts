import { solveLp } from '../allocation/index.js';
import { buildHubModel, buildRoutes, gravityOd, resolveOptions, type AllocationOverrides, type HubModel, type OdDemand } from '../allocation/hub/index.js';
import { greatCircleM, laneId } from '../network/index.js';
import type { Network } from '../network/network.js';
import type { City } from '../network/types.js';
import { InfeasibleError } from '../shared/errors.js';
import { checkHubParams } from './params.js';

/**
 * What does not change from period to period: the OD pairs of the chosen
 * cities, the baseline's single route per pair (nearest hub by road at each
 * end, road-only trunk), and the optimised hub model (its candidate routes,
 * rows and columns; only the demand right-hand sides change per solve).
 */
export interface AllocationContext {
  cities: City[];
  /** OD pairs (every ordered pair of distinct cities), index = od. */
  pairs: { from: number; to: number }[];
  /** Baseline cost per kg of each OD (its one route), CNY/kg. */
  baselineCnyPerKg: Float64Array;
  /** Great-circle km of each OD. */
  km: Float64Array;
  hm: HubModel;
  /** hm.demand index → od. */
  odOfRow: Int32Array;
  /** Routes of the optimised model per od (indices into hm.routeSet.routes, cheapest first). */
  routesOfOd: number[][];
  /** Gravity seed, fixed for the run so that the OD pattern is structural. */
  gravitySeed: number;
  /** The hub inputs the context was built with (a context is reused only for the same). */
  hubs: HubInputs;
}

/** Hub inputs of a run: capacity scale and closed hubs (see SavingsParams). */
export interface HubInputs {
  hubCapacityScale: number;
  closedHubs: readonly string[];
  closedLanes?: readonly string[];
}

/** No change to the network's hubs. */
export const DEFAULT_HUB_INPUTS: Readonly<HubInputs> = Object.freeze({ hubCapacityScale: 1, closedHubs: [], closedLanes: [] });

/** Whether two hub inputs are the same (closed hubs in any order). */
export function sameHubInputs(a: HubInputs, b: HubInputs): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((id) => y.includes(id));
  return a.hubCapacityScale === b.hubCapacityScale && same(a.closedHubs, b.closedHubs) && same(a.closedLanes ?? [], b.closedLanes ?? []);
}

/** A plan executed on any demand: cost per kg of each OD (the plan's route mix), CNY/kg. */
export interface AllocationPlan {
  cnyPerKg: Float64Array;
  /** Solver used and its time, for the record. */
  backend: string;
  solveMs: number;
}

/** Builds the context: baseline routes and the optimised model over all OD pairs of `cities`. */
export function buildAllocationContext(network: Network, cities: readonly City[], gravitySeed: number, hubs: HubInputs = DEFAULT_HUB_INPUTS): AllocationContext {
  const closedHubs = [...hubs.closedHubs];
  const closedLanes = [...(hubs.closedLanes ?? [])];
  checkHubParams(network.data.hubs.map((h) => h.id), { closedHubs, closedLanes }, '', network.data.lanes.map(laneId));
  const overrides: AllocationOverrides = { closedHubs, closedLanes };
  if (hubs.hubCapacityScale !== 1) {
    overrides.hubCapacityTonnesPerDay = Object.fromEntries(network.data.hubs.map((h) => [h.id, h.capacityTonnesPerDay * hubs.hubCapacityScale]));
  }
  const pairs: { from: number; to: number }[] = [];
  const demand: OdDemand[] = [];
  cities.forEach((a, i) =>
    cities.forEach((b, j) => {
      if (i === j) return;
      pairs.push({ from: i, to: j });
      demand.push({ from: a.id, to: b.id, kgPerDay: 1 });
    }),
  );
  const key = (from: string, to: string) => `${from}>${to}`;
  const odByKey = new Map(demand.map((d, k) => [key(d.from, d.to), k]));

  // Baseline: each city's nearest open hub by road, direct road trunk, one route per pair (closed lanes avoided).
  const base = buildRoutes(network, demand, resolveOptions({ nearestHubs: 1, trunkModeSets: [['road']], maxRoutesPerOd: 1 }), { closedHubs, closedLanes });
  const penalty = resolveOptions().unmetPenaltyCnyPerKg;
  const baselineCnyPerKg = new Float64Array(pairs.length).fill(penalty);
  for (const r of base.routes) baselineCnyPerKg[r.od] = Math.min(baselineCnyPerKg[r.od], r.costCnyPerKg);

  const hm = buildHubModel(network, { demand, overrides });
  const odOfRow = Int32Array.from(hm.demand.map((d) => odByKey.get(key(d.from, d.to))!));
  const routesOfOd: number[][] = pairs.map(() => []);
  hm.routeSet.routes.forEach((r, j) => routesOfOd[odOfRow[r.od]].push(j));
  const km = Float64Array.from(pairs, (p) => greatCircleM([cities[p.from].lon, cities[p.from].lat], [cities[p.to].lon, cities[p.to].lat]) / 1000);
  return { cities: [...cities], pairs, baselineCnyPerKg, km, hm, odOfRow, routesOfOd, gravitySeed, hubs: { hubCapacityScale: hubs.hubCapacityScale, closedHubs, closedLanes } };
}

/** OD kg/day from per-city parcels sent and received per day (gravity split, src/allocation/hub). */
export function odKgPerDay(ctx: AllocationContext, sentPerDay: readonly number[], receivedPerDay: readonly number[], meanParcelKg: number): Float64Array {
  const totals = ctx.cities.map((c, i) => ({ city: c.id, sendKgPerDay: sentPerDay[i] * meanParcelKg, receiveKgPerDay: receivedPerDay[i] * meanParcelKg }));
  const od = gravityOd(ctx.cities, totals, { seed: ctx.gravitySeed });
  const out = new Float64Array(ctx.pairs.length);
  const index = new Map(ctx.cities.map((c, i) => [c.id, i]));
  const n = ctx.cities.length;
  for (const d of od) {
    const i = index.get(d.from)!;
    const j = index.get(d.to)!;
    out[i * (n - 1) + (j < i ? j : j - 1)] += d.kgPerDay;
  }
  return out;
}

/** The baseline plan: every OD on its one route. */
export function baselinePlan(ctx: AllocationContext): AllocationPlan {
  return { cnyPerKg: ctx.baselineCnyPerKg, backend: 'none', solveMs: 0 };
}

/**
 * The optimised plan: the hub allocation LP (src/allocation/hub model, solved
 * by `solveLp`) on the planned OD demand; each OD's route mix is then applied
 * to whatever demand realises. An OD planned at zero takes its cheapest route;
 * a share left unmet by the plan costs the model's unmet penalty.
 */
export async function optimisedPlan(ctx: AllocationContext, plannedKgPerDay: Float64Array, seed: number): Promise<AllocationPlan> {
  const { hm } = ctx;
  const rhsOfRow = new Map<number, number>();
  hm.demandRow.forEach((row, i) => rhsOfRow.set(row, plannedKgPerDay[ctx.odOfRow[i]]));
  const model = {
    variables: hm.model.variables,
    constraints: hm.model.constraints.map((c, i) => (rhsOfRow.has(i) ? { ...c, rhs: rhsOfRow.get(i)! } : c)),
  };
  const t0 = performance.now();
  const lp = await solveLp(model, { seed });
  const solveMs = performance.now() - t0;
  if (!lp.values) throw new InfeasibleError(`savings: allocation LP not solved (${lp.status})`, 'demand');
  const x = lp.values;
  const penalty = hm.options.unmetPenaltyCnyPerKg;
  const routes = hm.routeSet.routes;
  const cnyPerKg = new Float64Array(ctx.pairs.length).fill(penalty);
  hm.demand.forEach((_, i) => {
    const od = ctx.odOfRow[i];
    const rs = ctx.routesOfOd[od];
    const slack = Math.max(0, x[hm.slackVar[i]]);
    let kg = slack;
    let cost = slack * penalty;
    for (const j of rs) {
      const v = Math.max(0, x[j]);
      kg += v;
      cost += v * routes[j].costCnyPerKg;
    }
    if (kg > 1e-9) cnyPerKg[od] = cost / kg;
    else if (rs.length) cnyPerKg[od] = Math.min(...rs.map((j) => routes[j].costCnyPerKg));
  });
  return { cnyPerKg, backend: lp.backend, solveMs };
}

/** Cost per day of executing a plan on realised OD kg/day, CNY. */
export function executePlan(plan: AllocationPlan, realisedKgPerDay: Float64Array): number {
  let s = 0;
  for (let k = 0; k < realisedKgPerDay.length; k++) s += realisedKgPerDay[k] * plan.cnyPerKg[k];
  return s;
}

/** kg-weighted mean great-circle distance of an OD demand, km. */
export function meanOdKm(ctx: AllocationContext, kgPerDay: Float64Array): number {
  let w = 0;
  let s = 0;
  for (let k = 0; k < kgPerDay.length; k++) {
    w += kgPerDay[k];
    s += kgPerDay[k] * ctx.km[k];
  }
  return w > 0 ? s / w : 0;
}
