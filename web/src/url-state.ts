// The URL hash holds the map view and the chosen path, so a plan can be shared as a link
// (like the OSRM frontend's url_state). Format:
//   #map=ZOOM/LAT/LON&from=ID&to=ID&objective=cost|time|co2&weight=KG&modes=road,rail
// and, for the Quote view:
//   &view=quote|batch&qfrom=ID&qto=ID&qweight=KG&qdims=LxWxH&qvalue=CNY&qservice=ID&qship=YYYY-MM-DDTHH:MM
// and, for the Streets view (points as clicked or typed, [lon, lat]):
//   &view=streets&sfrom=LON,LAT&sto=LON,LAT&sweight=time|distance
// and, for the Demand view (demand-logic.ts):
//   &view=demand&dh=DAYS&dmodel=NAME&dday=I&ddir=destination&dcolor=error&dcity=ID&dcities=ID,ID
// and, for the Operations, Flows and Analysis views, the parameters their *-logic.ts modules define
// (prefixes o, f and a).
import { DEFAULT_ANALYSIS, formatAnalysis, parseAnalysis, type AnalysisUrlState } from './analysis-logic.js';
import { DEFAULT_DEMAND, formatDemand, parseDemand, type DemandUrlState } from './demand-logic.js';
import { DEFAULT_FLOWS, formatFlows, parseFlows, type FlowsUrlState } from './flows-logic.js';
import { isMode, isObjective, MODES } from './modes.js';
import { DEFAULT_OPS, formatOps, parseOps, type OpsUrlState } from './ops-logic.js';
import type { Mode, Objective } from './types.js';

/** A map view: centre and zoom. */
export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

/** The panel's view: the path planner, a quote for one parcel, a CSV batch of quotes, a street route, or the demand forecast. */
export type Tab = 'paths' | 'quote' | 'batch' | 'streets' | 'demand' | 'ops' | 'flows' | 'analysis';

/** What a street route minimises: travel time (fastest) or distance (shortest). */
export type StreetWeight = 'time' | 'distance';

/** The Streets view's inputs, as kept in the URL. */
export interface StreetsUrlState {
  /** Start `[lon, lat]` as clicked or typed (not snapped). */
  from: [number, number] | null;
  to: [number, number] | null;
  weight: StreetWeight;
}

/** The inputs of the Quote form, as kept in the URL (null: left empty). */
export interface QuoteUrlState {
  from: string | null;
  to: string | null;
  weightKg: number | null;
  /** Length, width and height in cm. */
  dimsCm: [number, number, number] | null;
  declaredValueCny: number | null;
  /** A service id; null: all services. */
  service: string | null;
  /** Hand-in time as `YYYY-MM-DDTHH:MM`, China Standard Time; null: now. */
  shipAt: string | null;
}

/** Everything the URL records. */
export interface UrlState {
  view: MapView | null;
  from: string | null;
  to: string | null;
  objective: Objective;
  weightKg: number;
  modes: Mode[];
  tab: Tab;
  quote: QuoteUrlState;
  streets: StreetsUrlState;
  demand: DemandUrlState;
  /** The Operations view (vehicle routes from a depot): ops-logic.ts. */
  ops: OpsUrlState;
  /** The Flows view (allocation by LP): flows-logic.ts. */
  flows: FlowsUrlState;
  /** The Analysis view (savings and the flywheel): analysis-logic.ts. */
  analysis: AnalysisUrlState;
}

/** An empty Quote form. */
export const EMPTY_QUOTE: Readonly<QuoteUrlState> = { from: null, to: null, weightKg: null, dimsCm: null, declaredValueCny: null, service: null, shipAt: null };

/** The state of a fresh page: no view (fit China), no path, cost objective, 1 kg, all modes. */
export const DEFAULT_STATE: Readonly<UrlState> = {
  view: null,
  from: null,
  to: null,
  objective: 'cost',
  weightKg: 1,
  modes: [...MODES],
  tab: 'paths',
  quote: { ...EMPTY_QUOTE },
  streets: { from: null, to: null, weight: 'time' },
  demand: { ...DEFAULT_DEMAND },
  ops: { ...DEFAULT_OPS },
  flows: { ...DEFAULT_FLOWS },
  analysis: { ...DEFAULT_ANALYSIS },
};

const TABS: readonly Tab[] = ['paths', 'quote', 'batch', 'streets', 'demand', 'ops', 'flows', 'analysis'];

function parseLonLatParam(s: string | null): [number, number] | null {
  if (!s) return null;
  const parts = s.split(',');
  if (parts.length !== 2 || parts.some((x) => x.trim() === '')) return null;
  const [lon, lat] = parts.map(Number);
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}

/** `[lon, lat]` with 6 decimals (about 0.1 m), trailing zeros dropped. */
function formatLonLatParam(p: [number, number]): string {
  return p.map((x) => String(Number(x.toFixed(6)))).join(',');
}

function parseStreets(q: URLSearchParams): StreetsUrlState {
  return {
    from: parseLonLatParam(q.get('sfrom')),
    to: parseLonLatParam(q.get('sto')),
    weight: q.get('sweight') === 'distance' ? 'distance' : 'time',
  };
}

function formatStreets(s: StreetsUrlState, parts: string[]): void {
  if (s.from) parts.push(`sfrom=${formatLonLatParam(s.from)}`);
  if (s.to) parts.push(`sto=${formatLonLatParam(s.to)}`);
  if (s.weight !== 'time') parts.push(`sweight=${s.weight}`);
}

const positive = (s: string | null): number | null => {
  const x = s === null || s.trim() === '' ? NaN : Number(s);
  return Number.isFinite(x) && x > 0 ? x : null;
};

function parseQuote(q: URLSearchParams): QuoteUrlState {
  const dims = (q.get('qdims') ?? '').split('x').map((d) => positive(d));
  const value = q.get('qvalue');
  const valueCny = value === null || value.trim() === '' ? NaN : Number(value);
  const service = q.get('qservice');
  const ship = q.get('qship');
  return {
    from: q.get('qfrom') || null,
    to: q.get('qto') || null,
    weightKg: positive(q.get('qweight')),
    dimsCm: dims.length === 3 && dims.every((d) => d !== null) ? (dims as [number, number, number]) : null,
    declaredValueCny: Number.isFinite(valueCny) && valueCny >= 0 ? valueCny : null,
    service: service && /^[\w-]+$/.test(service) && service !== 'all' ? service : null,
    shipAt: ship && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(ship) ? ship : null,
  };
}

function formatQuote(s: QuoteUrlState, parts: string[]): void {
  if (s.from) parts.push(`qfrom=${encodeURIComponent(s.from)}`);
  if (s.to) parts.push(`qto=${encodeURIComponent(s.to)}`);
  if (s.weightKg !== null) parts.push(`qweight=${s.weightKg}`);
  if (s.dimsCm) parts.push(`qdims=${s.dimsCm.join('x')}`);
  if (s.declaredValueCny !== null) parts.push(`qvalue=${s.declaredValueCny}`);
  if (s.service) parts.push(`qservice=${encodeURIComponent(s.service)}`);
  if (s.shipAt) parts.push(`qship=${s.shipAt}`);
}

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
  const view = q.get('view');
  const modes = modesRaw === null ? [...DEFAULT_STATE.modes] : modesRaw.split(',').filter(isMode);
  return {
    view: parseView(q.get('map')),
    from: q.get('from') || null,
    to: q.get('to') || null,
    objective: isObjective(objective) ? objective : DEFAULT_STATE.objective,
    weightKg: Number.isFinite(weightKg) && weightKg > 0 ? weightKg : DEFAULT_STATE.weightKg,
    modes: MODES.filter((m) => modes.includes(m)),
    tab: TABS.find((t) => t === view) ?? 'paths',
    quote: parseQuote(q),
    streets: parseStreets(q),
    demand: parseDemand(q),
    ops: parseOps(q),
    flows: parseFlows(q),
    analysis: parseAnalysis(q),
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
  if (s.tab !== 'paths') parts.push(`view=${s.tab}`);
  formatQuote(s.quote, parts);
  formatStreets(s.streets, parts);
  formatDemand(s.demand, parts);
  formatOps(s.ops, parts);
  formatFlows(s.flows, parts);
  formatAnalysis(s.analysis, parts);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Replaces the page's hash with `s` without adding a history entry; returns the hash written. */
export function writeUrlState(s: UrlState): string {
  const hash = formatUrlState(s);
  const url = `${location.pathname}${location.search}${hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  return hash;
}
