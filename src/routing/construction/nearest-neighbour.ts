import type { SearchData } from '../search/data.js';

/**
 * Nearest-neighbour giant tour: from the depot, repeatedly visit the
 * cheapest unvisited customer (ties by index). Split cuts it into routes.
 * O(n²); a cheap, deterministic first solution that gives large instances a
 * sensible start before the random ones.
 */
export function nearestNeighbourTour(data: SearchData): Int32Array {
  const n = data.n;
  const N1 = n + 1;
  const tour = new Int32Array(n);
  const done = new Uint8Array(N1);
  let cur = 0;
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestCost = Infinity;
    const row = cur * N1;
    for (let j = 1; j <= n; j++) {
      if (done[j]) continue;
      const c = data.cost[row + j];
      if (c < bestCost) {
        bestCost = c;
        best = j;
      }
    }
    tour[k] = best;
    done[best] = 1;
    cur = best;
  }
  return tour;
}
