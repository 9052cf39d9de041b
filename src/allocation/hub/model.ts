import type { Network } from '../../network/network.js';
import { KG_PER_TONNE } from '../../shared/units.js';
import type { LpConstraint, LpModel, LpVariable } from '../lp/model.js';
import { buildRoutes, type RouteSet } from './routes.js';
import { defaultLaneFixedCnyPerDay, laneDecisionFilter, routeLanes, type LaneChoice } from './lanes-to-run.js';
import type { AllocationOverrides, AllocationRequest, HubModelOptions, OdDemand } from './types.js';
import { resolveOptions, validateDemand, validateOverrides } from './validate.js';

/** The LP / MIP of a hub allocation and the meaning of each variable and row, for decoding. */
export interface HubModel {
  model: LpModel;
  demand: OdDemand[];
  routeSet: RouteSet;
  options: HubModelOptions;
  overrides: AllocationOverrides;
  /** Variables 0..routes-1 are route flows (kg/day); then one unmet slack per OD. */
  slackVar: Int32Array;
  /** Open/close variable per hub (mixed-integer model), -1 when none. */
  openVar: Int32Array;
  /** Demand row per OD. */
  demandRow: Int32Array;
  /** Throughput row per hub (-1 when no route passes it). */
  hubRow: Int32Array;
  /** Hub capacity in kg/day (after overrides). */
  hubCapacityKg: Float64Array;
  /** Capacity rows of lanes with a capacity: one per lane and direction used. */
  laneRows: { lane: number; row: number; capacityKg: number }[];
  /** Lanes whose running is decided (mixed-integer model with options.laneDecisions), each with its binary. */
  laneChoices: LaneChoice[];
  /** The model has integer decisions (hubs to open, lanes to run). */
  mip: boolean;
}

/**
 * Builds the path-based allocation model (pure: no solving).
 *
 *   min  Σ_r c_r x_r + penalty Σ_od s_od [+ Σ_h fixed_h y_h]
 *   s.t. Σ_{r of od} x_r + s_od = demand_od                    (each OD pair)
 *        Σ_{r through h} x_r <= capacity_h [× y_h]             (each hub; a kg counts once per hub it passes)
 *        Σ_{r over lane l, direction} x_r <= capacity_l        (lanes given a capacity)
 *        Σ_{r of city o via origin hub h} x_r <= sent_o × y_h   (MIP; same for destination city and hub)
 *        x_r <= demand_od × y_h  for r through h               (MIP, strong linking, small models)
 *        Σ_{r over lane l, direction} x_r <= M_l,dir × z_l      (lanes to run; M = min(capacity, demand of the pairs routed over it))
 *        x_r <= demand_od × z_l  for r over l                  (lanes to run, strong linking, small models; else
 *                                                               Σ_{r of city o over l, direction} x_r <= sent_o,l × z_l)
 *        x, s >= 0; y, z ∈ {0, 1}, y_h = 1 for forced-open hubs, z_l = 1 for forced-open lanes
 *   [+ Σ_l fixed_l z_l in the objective]
 *
 * Variables are kg/day; c_r is the route's cost per kg (first mile + trunk + last
 * mile, handling included). Lane decisions (options.laneDecisions) are per lane
 * (both directions run together); closed lanes are left out of the routes.
 */
export function buildHubModel(network: Network, req: AllocationRequest): HubModel {
  const options = resolveOptions(req.options);
  const overrides = req.overrides ?? {};
  validateOverrides(network, overrides, options);
  const demand = validateDemand(network, req.demand);
  const routeSet = buildRoutes(network, demand, options, overrides);
  const { routes, hubIds, lanes } = routeSet;
  const hubs = network.data.hubs;

  const variables: LpVariable[] = routes.map((r) => ({ lower: 0, upper: Infinity, cost: r.costCnyPerKg }));
  const slackVar = new Int32Array(demand.length);
  demand.forEach((_, i) => {
    slackVar[i] = variables.length;
    variables.push({ lower: 0, upper: Infinity, cost: options.unmetPenaltyCnyPerKg });
  });

  const byOd: number[][] = demand.map(() => []);
  const byHub: number[][] = hubIds.map(() => []);
  const byLane: number[][] = lanes.map(() => []);
  const laneCap = new Map(Object.entries(overrides.laneCapacityTonnesPerDay ?? {}));
  const decided = laneDecisionFilter(network, options.laneDecisions, overrides);
  // Demand (kg/day) of the pairs with a candidate route over each directed lane: a bound on its flow.
  const laneDemandKg = new Float64Array(lanes.length);
  const lastOd = new Int32Array(lanes.length).fill(-1);
  routes.forEach((r, j) => {
    byOd[r.od].push(j);
    for (const h of r.hubs) byHub[h].push(j);
    for (const l of routeLanes(r)) {
      const id = lanes[l].laneId;
      if (laneCap.has(id) || decided(id)) byLane[l].push(j);
      if (lastOd[l] !== r.od) {
        lastOd[l] = r.od;
        laneDemandKg[l] += demand[r.od].kgPerDay;
      }
    }
  });

  const hubCapacityKg = new Float64Array(hubIds.length);
  hubs.forEach((h, i) => (hubCapacityKg[i] = (overrides.hubCapacityTonnesPerDay?.[h.id] ?? h.capacityTonnesPerDay) * KG_PER_TONNE));
  const openVar = new Int32Array(hubIds.length).fill(-1);
  if (options.integer) {
    const forced = new Set(overrides.forcedOpenHubs ?? []);
    hubs.forEach((h, i) => {
      if (byHub[i].length === 0) return;
      openVar[i] = variables.length;
      const fixed = overrides.hubFixedCnyPerDay?.[h.id] ?? options.hubFixedCnyPerTonneCapacity * (hubCapacityKg[i] / KG_PER_TONNE);
      variables.push({ lower: forced.has(h.id) ? 1 : 0, upper: 1, cost: fixed, integer: true });
    });
  }

  // Lanes to run: one binary per lane (both directions) that a candidate route uses.
  const laneChoices: LaneChoice[] = [];
  const choiceOf = new Map<string, LaneChoice>();
  const forcedLanes = new Set(overrides.forcedOpenLanes ?? []);
  lanes.forEach((l, i) => {
    if (byLane[i].length === 0 || !decided(l.laneId)) return;
    let c = choiceOf.get(l.laneId);
    if (!c) {
      const fixed = overrides.laneFixedCnyPerDay?.[l.laneId] ?? defaultLaneFixedCnyPerDay(l, options);
      const forced = forcedLanes.has(l.laneId);
      c = { laneId: l.laneId, mode: l.mode, from: l.from, to: l.to, variable: variables.length, fixedCnyPerDay: fixed, forced, directed: [], linkRows: [] };
      variables.push({ lower: forced ? 1 : 0, upper: 1, cost: fixed, integer: true });
      choiceOf.set(l.laneId, c);
      laneChoices.push(c);
    }
    c.directed.push(i);
  });

  const constraints: LpConstraint[] = [];
  const demandRow = new Int32Array(demand.length);
  demand.forEach((d, i) => {
    demandRow[i] = constraints.length;
    const vars = [...byOd[i], slackVar[i]];
    constraints.push({ name: `demand ${d.from}>${d.to}`, vars, coefs: vars.map(() => 1), sense: '=', rhs: d.kgPerDay });
  });
  const hubRow = new Int32Array(hubIds.length).fill(-1);
  byHub.forEach((rs, h) => {
    if (rs.length === 0) return;
    hubRow[h] = constraints.length;
    if (openVar[h] >= 0) {
      constraints.push({ name: `hub ${hubIds[h]}`, vars: [...rs, openVar[h]], coefs: [...rs.map(() => 1), -hubCapacityKg[h]], sense: '<=', rhs: 0 });
    } else {
      constraints.push({ name: `hub ${hubIds[h]}`, vars: rs, coefs: rs.map(() => 1), sense: '<=', rhs: hubCapacityKg[h] });
    }
  });
  const laneRows: HubModel['laneRows'] = [];
  byLane.forEach((rs, l) => {
    if (rs.length === 0 || !laneCap.has(lanes[l].laneId)) return;
    const capacityKg = laneCap.get(lanes[l].laneId)! * KG_PER_TONNE;
    laneRows.push({ lane: l, row: constraints.length, capacityKg });
    constraints.push({ name: `lane ${lanes[l].laneId} ${lanes[l].from}>${lanes[l].to}`, vars: rs, coefs: rs.map(() => 1), sense: '<=', rhs: capacityKg });
  });
  if (options.integer) {
    // City-level linking: what a city sends (receives) through one of its hubs is at most its total × y_hub.
    // Each route sits in one origin row and one destination row, so this stays small, and it forces
    // y = 1 for a hub that carries all of some city's volume (much tighter than capacity × y alone).
    const sendKg = new Map<string, number>();
    const recvKg = new Map<string, number>();
    for (const d of demand) {
      sendKg.set(d.from, (sendKg.get(d.from) ?? 0) + d.kgPerDay);
      recvKg.set(d.to, (recvKg.get(d.to) ?? 0) + d.kgPerDay);
    }
    const origin = new Map<string, number[]>();
    const dest = new Map<string, number[]>();
    routes.forEach((r, j) => {
      const od = demand[r.od];
      if (openVar[r.originHub] >= 0) push(origin, `${od.from}|${r.originHub}`, j);
      if (openVar[r.destHub] >= 0 && r.destHub !== r.originHub) push(dest, `${od.to}|${r.destHub}`, j);
    });
    for (const [rows, total] of [[origin, sendKg], [dest, recvKg]] as const) {
      for (const [key, rs] of rows) {
        const [city, h] = key.split('|');
        const y = openVar[Number(h)];
        constraints.push({ vars: [...rs, y], coefs: [...rs.map(() => 1), -total.get(city)!], sense: '<=', rhs: 0 });
      }
    }
  }
  const strong = options.strongLinking === 'auto' ? routes.length <= 20_000 : options.strongLinking;
  if (options.integer && strong) {
    routes.forEach((r, j) => {
      for (const h of r.hubs) {
        if (openVar[h] < 0) continue;
        constraints.push({ vars: [j, openVar[h]], coefs: [1, -demand[r.od].kgPerDay], sense: '<=', rhs: 0 });
      }
    });
  }
  // Lanes to run: flow over each direction <= M × z, M the tightest valid bound (capacity, or the demand routed over it).
  for (const c of laneChoices) {
    for (const l of c.directed) {
      const cap = laneCap.has(c.laneId) ? laneCap.get(c.laneId)! * KG_PER_TONNE : Infinity;
      const bigMKg = Math.min(cap, laneDemandKg[l]);
      c.linkRows.push({ lane: l, row: constraints.length, bigMKg });
      const rs = byLane[l];
      constraints.push({ name: `run ${c.laneId} ${lanes[l].from}>${lanes[l].to}`, vars: [...rs, c.variable], coefs: [...rs.map(() => 1), -bigMKg], sense: '<=', rhs: 0 });
    }
  }
  if (!strong && laneChoices.length > 0) {
    // Origin-level linking (as for hubs): what one city sends over a lane direction is at most what it sends
    // on pairs with a route there × z. Far tighter than the aggregated row, one row per city and direction.
    for (const c of laneChoices) {
      const cap = laneCap.has(c.laneId) ? laneCap.get(c.laneId)! * KG_PER_TONNE : Infinity;
      for (const l of c.directed) {
        const byCity = new Map<string, { rs: number[]; ods: Set<number> }>();
        for (const j of byLane[l]) {
          const city = demand[routes[j].od].from;
          let e = byCity.get(city);
          if (!e) byCity.set(city, (e = { rs: [], ods: new Set() }));
          e.rs.push(j);
          e.ods.add(routes[j].od);
        }
        if (byCity.size < 2) continue;
        for (const { rs, ods } of byCity.values()) {
          let kg = 0;
          for (const od of ods) kg += demand[od].kgPerDay;
          constraints.push({ vars: [...rs, c.variable], coefs: [...rs.map(() => 1), -Math.min(cap, kg)], sense: '<=', rhs: 0 });
        }
      }
    }
  }
  if (strong && laneChoices.length > 0) {
    routes.forEach((r, j) => {
      const seen = new Set<LaneChoice>();
      for (const l of routeLanes(r)) {
        const c = choiceOf.get(lanes[l].laneId);
        if (!c || seen.has(c)) continue;
        seen.add(c);
        constraints.push({ vars: [j, c.variable], coefs: [1, -demand[r.od].kgPerDay], sense: '<=', rhs: 0 });
      }
    });
  }
  const mip = options.integer || laneChoices.length > 0;
  return { model: { variables, constraints }, demand, routeSet, options, overrides, slackVar, openVar, demandRow, hubRow, hubCapacityKg, laneRows, laneChoices, mip };
}

function push(m: Map<string, number[]>, key: string, v: number): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}
