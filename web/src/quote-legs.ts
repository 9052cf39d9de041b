// The legs of a quote option's path as lines to draw, each in its mode's colour. The quote API
// names each leg's ends (city and hub ids) and mode; the line of a leg is the part of the option's
// LineString between its two places (found by their coordinates from /api/places), or a straight
// line between them when there is no LineString. The map prefers the network lane's own geometry.
import { splitByLegs, type LonLat } from './leg-geometry.js';
import type { QuoteOption } from './quote-types.js';
import type { Mode } from './types.js';

/** A place as the legs need it. */
export interface LegPlace {
  name: string;
  lon: number;
  lat: number;
}

/** One leg of an option with its line. */
export interface QuoteLeg {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  mode: Mode;
  distanceM: number;
  durationS: number;
  /** `[lon, lat]` from `from` to `to`. */
  coordinates: LonLat[];
}

/**
 * The legs of option `o`, each with its line: the option's LineString cut at the places where the
 * legs meet, or, without a LineString, a straight line per leg. Legs whose place is unknown keep
 * only the part of the line that can be placed (an empty list when nothing can).
 */
export function quoteLegs(o: Pick<QuoteOption, 'path'>, places: ReadonlyMap<string, LegPlace>): QuoteLeg[] {
  const legs = o.path.legs;
  const coords = (o.path.geometry?.coordinates ?? []) as LonLat[];
  const at = (id: string): LonLat | null => {
    const p = places.get(id);
    return p ? [p.lon, p.lat] : null;
  };
  const ends = legs.map((l) => at(l.to));
  const canSplit = coords.length >= 2 && ends.every((e) => e !== null);
  const split = canSplit ? splitByLegs(coords, ends as LonLat[]) : null;
  return legs.map((l, i) => {
    const a = at(l.from);
    const b = ends[i];
    const line = split ? split[i] : a && b ? [a, b] : [];
    return {
      from: l.from,
      to: l.to,
      fromName: places.get(l.from)?.name ?? l.from,
      toName: places.get(l.to)?.name ?? l.to,
      mode: l.mode,
      distanceM: l.distanceM,
      durationS: l.durationS,
      coordinates: line,
    };
  });
}
