import type { Network } from '../../network/network.js';
import { KG_PER_TONNE } from '../../shared/units.js';
import type { LpConstraint, LpModel, LpVariable } from '../lp/model.js';
import { buildRoutes, type RouteSet } from './routes.js';
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
 *        x, s >= 0; y ∈ {0, 1}, y_h = 1 for forced-open hubs
 *
 * Variables are kg/day; c_r is the route's cost per kg (first mile + trunk + last
 * mile, handling included).
 */
export function buildHubModel(network: Network, req: AllocationRequest): HubModel {
  const options = resolveOptions(req.options);
  const overrides = req.overrides ?? {};
  validateOverrides(network, overrides);
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
  routes.forEach((r, j) => {
    byOd[r.od].push(j);
    for (const h of r.hubs) byHub[h].push(j);
    if (laneCap.size > 0) {
      for (const p of [r.firstMile, r.trunk, r.lastMile]) if (p) for (const l of p.lanes) if (laneCap.has(lanes[l].laneId)) byLane[l].push(j);
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
    if (rs.length === 0) return;
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
  return { model: { variables, constraints }, demand, routeSet, options, overrides, slackVar, openVar, demandRow, hubRow, hubCapacityKg, laneRows };
}

function push(m: Map<string, number[]>, key: string, v: number): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

/**
 * The LP of a mixed-integer hub model with its hub choice fixed (`open[h]`):
 * same routes and rows, the hub rows back to `throughput <= capacity`, routes
 * through a shut hub bounded to 0, linking rows dropped (implied once y is
 * fixed) and the fixed costs of open hubs kept as an offset. Its duals are the
 * capacity prices of the chosen network.
 */
export function fixHubChoice(hm: HubModel, open: readonly boolean[]): HubModel {
  const vars = hm.model.variables.map((v) => ({ ...v, integer: false }));
  let offset = hm.model.objectiveOffset ?? 0;
  hm.openVar.forEach((y, h) => {
    if (y < 0) return;
    vars[y] = { lower: 0, upper: 0, cost: 0, integer: false };
    if (open[h]) offset += hm.model.variables[y].cost;
  });
  hm.routeSet.routes.forEach((r, j) => {
    if (r.hubs.some((h) => hm.openVar[h] >= 0 && !open[h])) vars[j] = { ...vars[j], upper: 0 };
  });
  const keep = hm.demand.length + hm.hubRow.filter((r) => r >= 0).length + hm.laneRows.length;
  const constraints = hm.model.constraints.slice(0, keep).map((c) => c);
  hm.hubRow.forEach((row, h) => {
    if (row < 0 || hm.openVar[h] < 0) return;
    const c = constraints[row];
    const vs = c.vars.slice(0, -1);
    constraints[row] = { name: c.name, vars: vs, coefs: vs.map(() => 1), sense: '<=', rhs: hm.hubCapacityKg[h] };
  });
  return { ...hm, model: { variables: vars, constraints, objectiveOffset: offset }, openVar: new Int32Array(hm.openVar.length).fill(-1), options: { ...hm.options, integer: false } };
}
