import { kmhToMps } from '../shared/units.js';

/**
 * Default car speeds by OSM `highway` class, km/h. This is the classic OSRM
 * car profile table (also in itinero/routing's car profile): free-flow speeds
 * without traffic. `maxspeed` tags override it where present. Unknown classes
 * (and graphs without classes, such as the .bin format) use `road`.
 */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 90,
  motorway_link: 45,
  trunk: 85,
  trunk_link: 40,
  primary: 65,
  primary_link: 30,
  secondary: 55,
  secondary_link: 25,
  tertiary: 40,
  tertiary_link: 20,
  unclassified: 25,
  residential: 25,
  living_street: 10,
  service: 15,
  road: 25,
};

/** The car-routable highway classes kept by the importers. */
export const CAR_HIGHWAYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SPEEDS_KMH));

/** Speed of a highway class, km/h (the `road` speed for unknown classes). */
export function classSpeedKmh(highway: string): number {
  return DEFAULT_SPEEDS_KMH[highway] ?? DEFAULT_SPEEDS_KMH.road;
}

const MPH_TO_KMH = 1.609344;

/**
 * Parses an OSM `maxspeed` value to km/h: "50", "50 km/h", "50kmh", "30 mph",
 * "50;70" (the first), "walk" (5 km/h). Returns undefined for values without
 * a number ("none", "signals", "RU:urban") or outside 1..250 km/h.
 */
export function parseMaxspeedKmh(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.split(';')[0].trim().toLowerCase();
  if (v === 'walk') return 5;
  const m = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/.exec(v);
  if (!m) return undefined;
  let kmh = Number(m[1]);
  if (m[2] === 'mph') kmh *= MPH_TO_KMH;
  else if (m[2] === 'knots') kmh *= 1.852;
  return kmh >= 1 && kmh <= 250 ? kmh : undefined;
}

/** Seconds to travel `distanceM` at `speedKmh`. */
export function travelTimeS(distanceM: number, speedKmh: number): number {
  return distanceM / kmhToMps(speedKmh);
}
