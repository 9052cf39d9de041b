/** A mixed-integer hub model with its choice fixed (for prices), and a start for the MIP. */
import type { HubModel } from './model.js';
import { routeLanes } from './lanes-to-run.js';

/**
 * The LP of a mixed-integer hub model with its choice fixed (`open[h]` per hub,
 * `run[k]` per entry of `laneChoices`, default all run): same routes and rows,
 * the hub rows back to `throughput <= capacity`, routes through a shut hub or
 * over a lane not run bounded to 0, linking rows dropped (implied once the
 * choice is fixed) and the fixed costs of open hubs and running lanes kept as an
 * offset. Its duals are the capacity prices of the chosen network.
 */
export function fixChoice(hm: HubModel, open: readonly boolean[], run?: readonly boolean[]): HubModel {
  const vars = hm.model.variables.map((v) => ({ ...v, integer: false }));
  let offset = hm.model.objectiveOffset ?? 0;
  hm.openVar.forEach((y, h) => {
    if (y < 0) return;
    vars[y] = { lower: 0, upper: 0, cost: 0, integer: false };
    if (open[h]) offset += hm.model.variables[y].cost;
  });
  const shutLane = new Set<number>();
  hm.laneChoices.forEach((c, k) => {
    vars[c.variable] = { lower: 0, upper: 0, cost: 0, integer: false };
    if (run?.[k] ?? true) offset += hm.model.variables[c.variable].cost;
    else for (const l of c.directed) shutLane.add(l);
  });
  hm.routeSet.routes.forEach((r, j) => {
    if (r.hubs.some((h) => hm.openVar[h] >= 0 && !open[h])) vars[j] = { ...vars[j], upper: 0 };
    else if (shutLane.size > 0 && routeLanes(r).some((l) => shutLane.has(l))) vars[j] = { ...vars[j], upper: 0 };
  });
  const keep = hm.demand.length + hm.hubRow.filter((r) => r >= 0).length + hm.laneRows.length;
  const constraints = hm.model.constraints.slice(0, keep).map((c) => c);
  hm.hubRow.forEach((row, h) => {
    if (row < 0 || hm.openVar[h] < 0) return;
    const c = constraints[row];
    const vs = c.vars.slice(0, -1);
    constraints[row] = { name: c.name, vars: vs, coefs: vs.map(() => 1), sense: '<=', rhs: hm.hubCapacityKg[h] };
  });
  return {
    ...hm,
    model: { variables: vars, constraints, objectiveOffset: offset },
    openVar: new Int32Array(hm.openVar.length).fill(-1),
    laneChoices: [],
    mip: false,
    options: { ...hm.options, integer: false, laneDecisions: 'none' },
  };
}

/**
 * A feasible start for the MIP from a solution of the same routes with every
 * hub open and every lane run (the LP): each hub or lane that carries flow is
 * open, the others shut unless forced open.
 */
export function mipStartFrom(hm: HubModel, lpValues: Float64Array): Float64Array {
  const x = new Float64Array(hm.model.variables.length);
  const n = hm.routeSet.routes.length + hm.demand.length;
  x.set(lpValues.subarray(0, n));
  const usedHub = new Uint8Array(hm.openVar.length);
  const usedLane = new Uint8Array(hm.routeSet.lanes.length);
  hm.routeSet.routes.forEach((r, j) => {
    if (x[j] <= 0) return;
    for (const h of r.hubs) usedHub[h] = 1;
    for (const l of routeLanes(r)) usedLane[l] = 1;
  });
  hm.openVar.forEach((y, h) => {
    if (y >= 0) x[y] = usedHub[h] || hm.model.variables[y].lower > 0 ? 1 : 0;
  });
  for (const c of hm.laneChoices) x[c.variable] = c.forced || c.directed.some((l) => usedLane[l]) ? 1 : 0;
  return x;
}
