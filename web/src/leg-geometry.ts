// Cutting a path's LineString into its legs.

/** A `[lon, lat]` position. */
export type LonLat = [number, number];

function dist2(a: LonLat, b: LonLat): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

/**
 * Splits a path's LineString into one coordinate list per leg, cutting at the vertex nearest to
 * each leg's end (searching forward), for legs whose lane is not in the network.
 */
export function splitByLegs(coords: LonLat[], ends: LonLat[]): LonLat[][] {
  const out: LonLat[][] = [];
  let start = 0;
  ends.forEach((end, k) => {
    let best = coords.length - 1;
    if (k < ends.length - 1) {
      let bestD = Infinity;
      for (let i = start; i < coords.length; i++) {
        const d = dist2(coords[i], end);
        if (d < bestD) {
          bestD = d;
          best = i;
          if (d < 1e-12) break;
        }
      }
    }
    out.push(coords.slice(start, best + 1));
    start = best;
  });
  return out;
}

