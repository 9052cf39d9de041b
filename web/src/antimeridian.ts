// Flat-map fix for polygons kept whole across the antimeridian (world-atlas 2).

/** A ring of `[lon, lat]` positions. */
export type Ring = number[][];

/**
 * Makes a ring's longitudes continuous for a flat map: world-atlas 2 keeps polygons whole across
 * the antimeridian (for spherical renderers), which a flat map would draw as a line across the
 * world. Steps of more than 180° are unwrapped, the ring is shifted back near [-180, 180], and a
 * ring that goes round a pole (Antarctica) is closed along the pole.
 */
export function unwrapRing(ring: Ring): Ring {
  if (ring.length < 2) return ring;
  const out: Ring = [[ring[0][0], ring[0][1]]];
  let shift = 0;
  let sumLon = ring[0][0];
  let sumLat = ring[0][1];
  for (let i = 1; i < ring.length; i++) {
    const d = ring[i][0] - ring[i - 1][0];
    if (d > 180) shift -= 360;
    else if (d < -180) shift += 360;
    const lon = ring[i][0] + shift;
    out.push([lon, ring[i][1]]);
    sumLon += lon;
    sumLat += ring[i][1];
  }
  const span = out[out.length - 1][0] - out[0][0];
  if (Math.abs(span) > 180) {
    const pole = sumLat < 0 ? -90 : 90;
    const last = out[out.length - 1];
    out.push([last[0], pole], [out[0][0], pole], [out[0][0], out[0][1]]);
  }
  const mean = sumLon / ring.length;
  const back = mean > 180 ? -360 : mean < -180 ? 360 : 0;
  return back ? out.map(([lon, lat]) => [lon + back, lat]) : out;
}

