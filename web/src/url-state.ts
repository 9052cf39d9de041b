// The URL hash holds the map view and the chosen path, so a plan can be shared as a link
// (like the OSRM frontend's url_state). Format:
//   #map=ZOOM/LAT/LON&from=ID&to=ID&objective=cost|time|co2&weight=KG&modes=road,rail
import { isMode, isObjective, MODES } from './modes.js';
import type { Mode, Objective } from './types.js';

/** A map view: centre and zoom. */
export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

/** Everything the URL records. */
export interface UrlState {
  view: MapView | null;
  from: string | null;
  to: string | null;
  objective: Objective;
  weightKg: number;
  modes: Mode[];
}

/** The state of a fresh page: no view (fit China), no path, cost objective, 1 kg, all modes. */
export const DEFAULT_STATE: Readonly<UrlState> = {
  view: null,
  from: null,
  to: null,
  objective: 'cost',
  weightKg: 1,
  modes: [...MODES],
};

function parseView(s: string | null): MapView | null {
  if (!s) return null;
  const [z, lat, lon] = s.split('/').map(Number);
  if (![z, lat, lon].every(Number.isFinite)) return null;
  if (z < 0 || z > 20 || Math.abs(lat) > 90 || Math.abs(lon) > 540) return null;
  return { zoom: z, lat, lon };
}

/** Reads the state from a hash such as `location.hash`; anything missing or invalid takes its default. */
export function parseUrlState(hash: string): UrlState {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const objective = q.get('objective') ?? '';
  const weightKg = Number(q.get('weight'));
  const modesRaw = q.get('modes');
  const modes = modesRaw === null ? [...DEFAULT_STATE.modes] : modesRaw.split(',').filter(isMode);
  return {
    view: parseView(q.get('map')),
    from: q.get('from') || null,
    to: q.get('to') || null,
    objective: isObjective(objective) ? objective : DEFAULT_STATE.objective,
    weightKg: Number.isFinite(weightKg) && weightKg > 0 ? weightKg : DEFAULT_STATE.weightKg,
    modes: MODES.filter((m) => modes.includes(m)),
  };
}

/** Writes the state as a hash (with the leading `#`); defaults are left out to keep links short. */
export function formatUrlState(s: UrlState): string {
  const parts: string[] = [];
  if (s.view) {
    const digits = Math.max(2, Math.ceil(Math.log2(1 + s.view.zoom)));
    parts.push(`map=${Math.round(s.view.zoom * 100) / 100}/${s.view.lat.toFixed(digits)}/${s.view.lon.toFixed(digits)}`);
  }
  if (s.from) parts.push(`from=${encodeURIComponent(s.from)}`);
  if (s.to) parts.push(`to=${encodeURIComponent(s.to)}`);
  if (s.from || s.to) {
    if (s.objective !== DEFAULT_STATE.objective) parts.push(`objective=${s.objective}`);
    if (s.weightKg !== DEFAULT_STATE.weightKg) parts.push(`weight=${s.weightKg}`);
    if (s.modes.length !== MODES.length) parts.push(`modes=${s.modes.join(',')}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Replaces the page's hash with `s` without adding a history entry; returns the hash written. */
export function writeUrlState(s: UrlState): string {
  const hash = formatUrlState(s);
  const url = `${location.pathname}${location.search}${hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  return hash;
}
