import type { Rng } from '../../shared/random.js';
import type { PdpSolution } from './solution.js';

/** Served requests of a solution, in request order. */
export function servedRequests(sol: PdpSolution): number[] {
  const out: number[] = [];
  for (let k = 0; k < sol.model.R; k++) if (sol.served[k]) out.push(k);
  return out;
}

/** Random removal: takes q served requests chosen uniformly out of `sol`; returns them. */
export function randomRemoval(sol: PdpSolution, q: number, rng: Rng): number[] {
  const served = servedRequests(sol);
  const out: number[] = [];
  for (let t = 0; t < q && served.length > 0; t++) {
    const x = rng.int(served.length);
    const k = served[x];
    served[x] = served[served.length - 1];
    served.pop();
    sol.remove(k);
    out.push(k);
  }
  return out;
}
