import type { Rng } from '../../shared/random.js';
import { servedRequests } from './removal-random.js';
import type { PdpSolution } from './solution.js';

/** Arc cost saved by taking request k out of its route. */
export function removalSaving(sol: PdpSolution, k: number): number {
  const { N, pick, del } = sol.model;
  const p = pick[k];
  const d = del[k];
  const route = sol.routes[sol.routeOf[p]];
  const cost = sol.model.costs[route.veh];
  const nodes = route.nodes;
  const a = sol.posOf[p];
  if (d < 0) return cost[nodes[a - 1] * N + p] + cost[p * N + nodes[a + 1]] - cost[nodes[a - 1] * N + nodes[a + 1]];
  const b = sol.posOf[d];
  const pp = nodes[a - 1];
  const nd = nodes[b + 1];
  if (b === a + 1) return cost[pp * N + p] + cost[p * N + d] + cost[d * N + nd] - cost[pp * N + nd];
  const np = nodes[a + 1];
  const pd = nodes[b - 1];
  return cost[pp * N + p] + cost[p * N + np] - cost[pp * N + np] + cost[pd * N + d] + cost[d * N + nd] - cost[pd * N + nd];
}

/**
 * Worst removal (Ropke & Pisinger 2006): requests sorted by the cost their
 * removal saves, the one at rank ⌊y^power · |L|⌋ (y uniform) taken next, so
 * expensive requests are likely but not certain to go.
 */
export function worstRemoval(sol: PdpSolution, q: number, rng: Rng, power = 3): number[] {
  const served = servedRequests(sol);
  const saving = new Map<number, number>();
  for (const k of served) saving.set(k, removalSaving(sol, k));
  served.sort((x, y) => saving.get(y)! - saving.get(x)!);
  const out: number[] = [];
  for (let t = 0; t < q && served.length > 0; t++) {
    const x = Math.floor(Math.pow(rng.next(), power) * served.length);
    const k = served[x];
    served.splice(x, 1);
    sol.remove(k);
    out.push(k);
  }
  return out;
}
