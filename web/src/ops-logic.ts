// Pure logic of the Operations view and its URL state (parameters prefixed 'o'). No DOM, no Leaflet:
// the route palette, clock times, plan edits (move a stop, cheapest insertion) and the exports.
import type { LonLat, OpsRequest, OpsResult, PlanRoute } from './ops-types.js';

/** The sample scenarios the view can load with one click. */
export const SAMPLES = ['hangzhou', 'baltimore'] as const;
/** A sample's name. */
export type SampleName = (typeof SAMPLES)[number];

/** The Operations view's state, as kept in the URL. */
export interface OpsUrlState {
  /** The sample loaded (`os`); null for none or an imported CSV. */
  sample: SampleName | null;
  /** Seconds the solver may run (`osec`). */
  seconds: number;
}

/** Solve time bounds (s). */
export const SECONDS_MIN = 1;
export const SECONDS_MAX = 60;

/** A fresh page's state. */
export const DEFAULT_OPS: Readonly<OpsUrlState> = { sample: null, seconds: 3 };

/** Reads the view's parameters; anything missing or invalid takes its default. */
export function parseOps(q: URLSearchParams): OpsUrlState {
  const s = q.get('os');
  const sec = Number(q.get('osec'));
  return {
    sample: (SAMPLES as readonly string[]).includes(s ?? '') ? (s as SampleName) : DEFAULT_OPS.sample,
    seconds: q.has('osec') && Number.isInteger(sec) && sec >= SECONDS_MIN && sec <= SECONDS_MAX ? sec : DEFAULT_OPS.seconds,
  };
}

/** Appends the view's parameters (defaults left out) to `parts`. */
export function formatOps(s: OpsUrlState, parts: string[]): void {
  if (s.sample) parts.push(`os=${s.sample}`);
  if (s.seconds !== DEFAULT_OPS.seconds) parts.push(`osec=${s.seconds}`);
}

/**
 * Route colours: the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal
 * Design"), its yellow left out (too faint on a light map); past 7 routes the colours repeat and
 * the line is dashed (see {@link routeDash}).
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000'] as const;

/** The k-th vehicle of a type: its label's number (`van#3` → 2), 0 for a single vehicle. */
export function vehicleSlot(label: string): number {
  const m = /^(.*)#(\d+)$/.exec(label);
  const id = m ? m[1] : label;
  return (typeOffset.get(id) ?? 0) + (m ? Math.max(0, Number(m[2]) - 1) : 0);
}

const typeOffset = new Map<string, number>();

/**
 * Numbers the vehicles of all types in one sequence for the colours: the first type's vehicles
 * from 0, the next type's after the first's count (so a second type never repeats the first's colours).
 */
export function setFleetSlots(vehicles: ReadonlyArray<{ id: string; count?: number }>): void {
  typeOffset.clear();
  let o = 0;
  for (const v of vehicles) {
    typeOffset.set(v.id, o);
    o += v.count ?? 1;
  }
}

/** The colour of a vehicle, stable across edits (by its label, not the route's position). */
export function routeColour(label: string): string {
  return PALETTE[vehicleSlot(label) % PALETTE.length];
}

/** Dash pattern of a vehicle's line: solid for the first 7, dashed for the next 7, … */
export function routeDash(label: string): string | undefined {
  const round = Math.floor(vehicleSlot(label) / PALETTE.length);
  return round === 0 ? undefined : round === 1 ? '10 6' : '3 5';
}

/** Labels of every vehicle of the fleet: `id` for one, `id#1` … `id#n` for several (as the API names routes). */
export function fleetLabels(id: string, count: number): string[] {
  return count <= 1 ? [id] : Array.from({ length: count }, (_, k) => `${id}#${k + 1}`);
}

/** "HH:MM" of seconds from midnight (hours past 23 for the next day). */
export function clock(s: number): string {
  const m = Math.round(s / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Seconds from midnight of "H:MM" / "HH:MM" (hours up to 47), or null. */
export function parseClock(t: string): number | null {
  const m = /^\s*(\d{1,2})[:.h]([0-5]\d)\s*$/.exec(t);
  if (!m || Number(m[1]) > 47) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60;
}

/** Minutes of a duration, rounded: "0", "12", "1 h 05". */
export function minutes(s: number): string {
  const m = Math.round(s / 60);
  return m < 60 ? String(m) : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
}

/** The plan of an answer: one route per vehicle used, stops in order. */
export function planOf(r: OpsResult): PlanRoute[] {
  return r.routes.map((x) => ({ vehicle: x.vehicle, stops: x.steps.filter((s) => s.type === 'stop' && s.id).map((s) => s.id!) }));
}

/** Where a stop is in a plan, or null when it is in no route. */
export function findStop(plan: PlanRoute[], id: string): { route: number; index: number } | null {
  for (let r = 0; r < plan.length; r++) {
    const k = plan[r].stops.indexOf(id);
    if (k >= 0) return { route: r, index: k };
  }
  return null;
}

const R = 6_371_008.8;
/** Great-circle metres between two [lon, lat] points. */
export function metres(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The position in `route` (0 … length) where inserting `p` adds the least straight-line distance
 * between its neighbours (the depot at both ends): cheapest insertion, a good first guess that the
 * planner can refine with the up/down buttons.
 */
export function cheapestPosition(route: LonLat[], p: LonLat, depot: LonLat): number {
  let best = route.length;
  let bestAdd = Infinity;
  for (let k = 0; k <= route.length; k++) {
    const a = k === 0 ? depot : route[k - 1];
    const b = k === route.length ? depot : route[k];
    const add = metres(a, p) + metres(p, b) - metres(a, b);
    if (add < bestAdd - 1e-9) (bestAdd = add), (best = k);
  }
  return best;
}

/** Where a stop goes: a vehicle (a route of the plan or a vehicle not used yet) and a position; or out of every route. */
export type MoveTarget = { vehicle: string; index?: number } | { unassign: true };

/**
 * A new plan with `id` moved: taken out of its route (if any) and put into the target vehicle's
 * route at `index` (default: the cheapest position, by straight-line distance), or left out.
 * Routes left empty are dropped. Pure: the input plan is not changed.
 */
export function moveStop(plan: PlanRoute[], id: string, to: MoveTarget, where: { depot: LonLat; locations: Map<string, LonLat> }): PlanRoute[] {
  const next = plan.map((r) => ({ vehicle: r.vehicle, stops: r.stops.filter((s) => s !== id) }));
  if (!('unassign' in to)) {
    let route = next.find((r) => r.vehicle === to.vehicle);
    if (!route) {
      route = { vehicle: to.vehicle, stops: [] };
      next.push(route);
    }
    let index = to.index;
    if (index === undefined) {
      const p = where.locations.get(id);
      const pts = route.stops.map((s) => where.locations.get(s)).filter((x): x is LonLat => !!x);
      index = p && pts.length === route.stops.length ? cheapestPosition(pts, p, where.depot) : route.stops.length;
    }
    route.stops.splice(Math.max(0, Math.min(index, route.stops.length)), 0, id);
  }
  return next.filter((r) => r.stops.length > 0);
}

/**
 * Moves a stop and, when it is half of a pickup-and-delivery pair, its partner with it (both on the
 * same vehicle, the pickup first): as {@link moveStop} for each, then the two swapped if the
 * delivery landed before the pickup.
 */
export function moveWithPartner(
  plan: PlanRoute[], id: string, to: MoveTarget, where: { depot: LonLat; locations: Map<string, LonLat> }, pairs: ReadonlyArray<{ pickup: string; delivery: string }> = [],
): PlanRoute[] {
  let next = moveStop(plan, id, to, where);
  const pair = pairs.find((p) => p.pickup === id || p.delivery === id);
  if (!pair) return next;
  const partner = pair.pickup === id ? pair.delivery : pair.pickup;
  const target = 'unassign' in to ? null : to.vehicle;
  const at = findStop(next, partner);
  if (target === null) return at ? moveStop(next, partner, { unassign: true }, where) : next;
  if (!at || next[at.route].vehicle !== target) next = moveStop(next, partner, { vehicle: target }, where);
  const p = findStop(next, pair.pickup)!;
  const d = findStop(next, pair.delivery)!;
  if (p.index > d.index) {
    next = next.map((r, i) => (i === p.route ? { vehicle: r.vehicle, stops: r.stops.map((s) => (s === pair.pickup ? pair.delivery : s === pair.delivery ? pair.pickup : s)) } : r));
  }
  return next;
}

/** The plan with the stop one place earlier (-1) or later (+1) in its route; unchanged at the ends. */
export function shiftStop(plan: PlanRoute[], id: string, by: -1 | 1): PlanRoute[] {
  const at = findStop(plan, id);
  if (!at) return plan;
  const to = at.index + by;
  if (to < 0 || to >= plan[at.route].stops.length) return plan;
  return plan.map((r, i) => {
    if (i !== at.route) return r;
    const stops = [...r.stops];
    [stops[at.index], stops[to]] = [stops[to], stops[at.index]];
    return { vehicle: r.vehicle, stops };
  });
}

const cell = (x: string | number): string => (typeof x === 'string' && /[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : String(x));

/** Reasons of unassigned stops as a planner reads them. */
export const REASONS: Record<string, string> = {
  capacity: 'too heavy for any vehicle',
  'time-window': 'its time window cannot be met',
  skill: 'no vehicle has the skill',
  'max-duration': 'too far for the route duration limit',
  'no-vehicle': 'no vehicle left',
  'not-planned': 'not in any route',
  break: "the driver's break cannot fit around it",
  'optional-skipped': 'optional: cheaper to leave out than to serve',
};

/**
 * The plan as CSV, one row per stop: route, sequence, stop, position, arrival, start of service,
 * departure (HH:MM), waiting and slack (min), the time window, load after the stop (kg), late;
 * then the unassigned stops with their reason.
 */
export function planCsv(r: OpsResult): string {
  const head = ['route', 'sequence', 'stop', 'lon', 'lat', 'arrival', 'serviceStart', 'departure', 'waitingMin', 'slackMin', 'windowStart', 'windowEnd', 'bindingWindow', ...r.dimensions.map((d) => `load_${d}`), 'late', 'unassignedReason'];
  const lines = [head.join(',')];
  for (const route of r.routes) {
    let seq = 0;
    for (const s of route.steps) {
      if (s.type !== 'stop') continue;
      seq++;
      lines.push(
        [
          route.vehicle, seq, s.id ?? '', s.location?.[0] ?? '', s.location?.[1] ?? '', clock(s.arrivalS), clock(s.serviceStartS ?? s.arrivalS), clock(s.departureS),
          Math.round(s.waitingS / 60), s.slackS === undefined ? '' : Math.round(s.slackS / 60), s.timeWindow ? clock(s.timeWindow[0]) : '', s.timeWindow ? clock(s.timeWindow[1]) : '',
          s.binding ? 'yes' : '', ...s.load, s.late ? 'yes' : '', '',
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  for (const u of r.unassigned) lines.push(['', '', u.id, '', '', '', '', '', '', '', '', '', '', ...r.dimensions.map(() => ''), '', u.reason].map(cell).join(','));
  return lines.join('\n') + '\n';
}

/** The plan as GeoJSON: the answer's features (depot, routes along the streets, stops, pairs) with each route's colour as `stroke`. */
export function planGeojson(r: OpsResult, req: Pick<OpsRequest, 'depot'>): string {
  const features = r.geojson.features.map((f) => {
    const v = typeof f.properties.vehicle === 'string' ? f.properties.vehicle : null;
    const colour = v ? routeColour(v) : undefined;
    const style = colour ? (f.geometry.type === 'LineString' ? { stroke: colour } : { 'marker-color': colour }) : {};
    return { ...f, properties: { ...f.properties, ...style } };
  });
  return JSON.stringify({ type: 'FeatureCollection', properties: { depot: req.depot, matrixSource: r.matrixSource, costCny: r.kpis.costCny }, features }, null, 1);
}
