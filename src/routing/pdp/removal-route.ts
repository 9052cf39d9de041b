import type { Rng } from '../../shared/random.js';
import type { PdpSolution } from './solution.js';

/**
 * Route removal: empties one route, a short one more likely (rank ⌊y² · routes⌋
 * by number of stops), so that the repair can spread its requests over the
 * others and the plan can lose a vehicle. Takes at most q requests when the
 * route is longer than that.
 */
export function routeRemoval(sol: PdpSolution, q: number, rng: Rng): number[] {
  const model = sol.model;
  const order: number[] = [];
  for (let r = 0; r < sol.used; r++) if (sol.routes[r].m > 0) order.push(r);
  if (order.length === 0) return [];
  order.sort((a, b) => sol.routes[a].m - sol.routes[b].m);
  const route = sol.routes[order[Math.floor(rng.next() * rng.next() * order.length)]];
  const out: number[] = [];
  for (let x = 1; x <= route.m && out.length < q; x++) {
    const node = route.nodes[x];
    const k = model.reqOf[node];
    if (model.pick[k] === node) out.push(k);
  }
  for (const k of out) sol.remove(k);
  return out;
}
