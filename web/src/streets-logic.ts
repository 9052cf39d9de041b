// Pure logic of the Streets view: typed coordinates, which end a map click fills, the figures of a
// route and the road graph's attribution line.
import { esc, fixed, sig3 } from './format.js';
import type { LonLat, RoadGraphInfo } from './streets-types.js';

/** A typed coordinate pair: the point, or why it is not one. */
export type ParsedLonLat = { ok: true; point: LonLat } | { ok: false; message: string };

/**
 * Reads "lon, lat" (comma, semicolon or spaces between; decimal points), e.g. "-76.6122, 39.2904".
 * Rejects anything else, and longitudes or latitudes out of range.
 */
export function parseLonLat(text: string): ParsedLonLat {
  const parts = text.trim().split(/\s*[,;]\s*|\s+/).filter((x) => x !== '');
  const nums = parts.map((x) => (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(x) ? Number(x) : NaN));
  if (nums.length !== 2 || nums.some((x) => !Number.isFinite(x))) {
    return { ok: false, message: 'Type two numbers, longitude first: "lon, lat", e.g. -76.6122, 39.2904.' };
  }
  const [lon, lat] = nums;
  if (Math.abs(lat) > 90) return { ok: false, message: `The latitude ${lat} is out of range (−90 to 90); longitude comes first.` };
  if (Math.abs(lon) > 180) return { ok: false, message: `The longitude ${lon} is out of range (−180 to 180).` };
  return { ok: true, point: [lon, lat] };
}

/** "lon, lat" with 5 decimals (about 1 m), as the inputs show a clicked point. */
export function formatLonLat(p: LonLat): string {
  return `${p[0].toFixed(5)}, ${p[1].toFixed(5)}`;
}

/** True when `p` lies inside `extent` ([minLon, minLat, maxLon, maxLat]). */
export function inExtent(p: LonLat, extent: RoadGraphInfo['extent']): boolean {
  return p[0] >= extent[0] && p[0] <= extent[2] && p[1] >= extent[1] && p[1] <= extent[3];
}

/**
 * A hint for a point typed as "lat, lon": outside the extent, but inside it with the two numbers
 * swapped. Null otherwise (the API judges every other point).
 */
export function swappedHint(p: LonLat, extent: RoadGraphInfo['extent']): string | null {
  if (inExtent(p, extent) || !inExtent([p[1], p[0]], extent)) return null;
  return `This looks like "lat, lon": longitude comes first (${formatLonLat([p[1], p[0]])}).`;
}

/** Which end a click on the map fills: the start, then the end, then it starts over with the start. */
export function clickTarget(from: LonLat | null, to: LonLat | null): 'from' | 'to' | 'restart' {
  if (!from) return 'from';
  if (!to) return 'to';
  return 'restart';
}

/** A street distance in kilometres with about three significant digits: "10.6", "0.853". */
export function streetKm(distanceM: number): string {
  return sig3(distanceM / 1000);
}

/** A street travel time in minutes: one decimal under 10 min ("9.7"), whole minutes above ("24"). */
export function streetMin(durationS: number): string {
  const min = durationS / 60;
  return min < 10 ? fixed(min, 1) : fixed(min, 0);
}

/** Average speed in km/h of a route, or null for a zero-length or zero-time route. */
export function averageKmh(distanceM: number, durationS: number): number | null {
  return distanceM > 0 && durationS > 0 ? (distanceM / durationS) * 3.6 : null;
}

/** The licence's short name: "ODbL-1.0" → "ODbL". */
export function licenceShort(licence: string | undefined): string {
  return (licence ?? '').replace(/-\d+(\.\d+)*$/, '');
}

/** The attribution as plain text: "© OpenStreetMap contributors (ODbL)". */
export function attributionText(g: Partial<Pick<RoadGraphInfo, 'attribution' | 'licence'>>): string {
  const lic = licenceShort(g.licence);
  const who = g.attribution?.trim() || g.licence || '';
  return lic && who !== lic ? `${who} (${lic})` : who;
}

/** The attribution for the map's attribution control: the same text, OpenStreetMap linked to its copyright page. */
export function attributionHtml(g: Partial<Pick<RoadGraphInfo, 'attribution' | 'licence'>>): string {
  const text = attributionText(g);
  const m = /^(.*OpenStreetMap contributors)(.*)$/.exec(text);
  if (!m) return esc(text);
  return `<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">${esc(m[1])}</a>${esc(m[2])}`;
}

/** A graph's name as a title: "baltimore" → "Baltimore", "new-york" → "New York". */
export function graphTitle(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
