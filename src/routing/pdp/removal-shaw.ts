import type { Rng } from '../../shared/random.js';
import { servedRequests } from './removal-random.js';
import type { PdpSolution } from './solution.js';

/**
 * Shaw (relatedness) removal after Ropke & Pisinger (2006): starting from a
 * random request, repeatedly removes requests related to one already removed,
 * relatedness = 9·(distance of pickups + of deliveries) + 3·(difference of
 * service start times) + 2·(difference of loads), each normalised; the
 * request at rank ⌊y^power · |L|⌋ of the most related is taken.
 */
export function shawRemoval(sol: PdpSolution, q: number, rng: Rng, power = 6): number[] {
  const m = sol.model;
  const { N, pick, del, cost, D } = m;
  const served = servedRequests(sol);
  if (served.length === 0) return [];
  const startOf = (node: number): number => sol.routes[sol.routeOf[node]].start[sol.posOf[node]];
  const S = new Float64Array(N);
  for (const k of served) {
    S[pick[k]] = startOf(pick[k]);
    if (del[k] >= 0) S[del[k]] = startOf(del[k]);
  }
  const first = served.splice(rng.int(served.length), 1)[0];
  const removed = [first];
  const score = new Float64Array(served.length);
  while (removed.length < q && served.length > 0) {
    const i = removed[rng.int(removed.length)];
    const pi = pick[i], di = del[i] < 0 ? pi : del[i];
    const n = served.length;
    for (let x = 0; x < n; x++) {
      const j = served[x];
      const pj = pick[j], dj = del[j] < 0 ? pj : del[j];
      const dist = (cost[pi * N + pj] + cost[di * N + dj]) / m.maxCost;
      const time = (Math.abs(S[pi] - S[pj]) + Math.abs(S[di] - S[dj])) / m.maxTime;
      const load = Math.abs(Math.abs(m.load[pi * D]) - Math.abs(m.load[pj * D])) / m.maxLoad;
      score[x] = 9 * dist + 3 * time + 2 * load;
    }
    // the value at the chosen rank, then its index (native numeric sort, no comparator)
    const scores = score.subarray(0, n);
    const rank = Math.floor(Math.pow(rng.next(), power) * n);
    const x = scores.indexOf(Float64Array.from(scores).sort()[rank]);
    removed.push(served[x]);
    served[x] = served[n - 1];
    served.pop();
  }
  for (const k of removed) sol.remove(k);
  return removed;
}
