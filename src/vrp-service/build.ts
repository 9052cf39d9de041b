import type { RoadNetwork } from '../roads/index.js';
import { createProblem, type Problem, type ProblemInput, type StopInput, type VehicleInput } from '../routing/problem.js';
import { InputError } from '../shared/errors.js';
import { greatCircleTravel, roadGraphFor, roadTravel, type Travel } from './travel.js';
import type { Amounts, LonLat, MatrixSource, VrpRequest } from './types.js';

/** Defaults of the request options. */
export const VRP_DEFAULTS = { seconds: 2, seed: 1, detourFactor: 1.3, speedKmh: 25 };

/** Named demand dimensions, in this order. */
export const NAMED_DIMENSIONS = ['kg', 'm3', 'parcels'] as const;

/** A request turned into a routing problem, with what is needed to read the solution back. */
export interface BuiltVrp {
  problem: Problem;
  /** The problem input (plain data: can be sent to a worker). */
  input: ProblemInput;
  stopIds: string[];
  vehicleIds: string[];
  /** Coordinates per location index, null where unknown (matrix without coordinates). */
  points: Array<LonLat | null>;
  dimensions: string[];
  matrixSource: MatrixSource;
  road: RoadNetwork | null;
}

const fail = (field: string, msg: string): never => {
  throw new InputError(`${field}: ${msg}`, field);
};

function isLonLat(p: unknown): p is LonLat {
  return Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

/** The dimensions of the request: named ones used by any vehicle capacity, or the vector length. */
function dimensionsOf(req: VrpRequest): string[] {
  const first = req.vehicles[0].capacity;
  if (Array.isArray(first)) {
    if (first.length === 0) fail('vehicles.0.capacity', 'must name at least one dimension');
    return first.map((_, d) => `d${d}`);
  }
  const dims = NAMED_DIMENSIONS.filter((d) => req.vehicles.some((v) => !Array.isArray(v.capacity) && v.capacity[d] !== undefined));
  if (dims.length === 0) fail('vehicles.0.capacity', 'must give at least one of kg, m3, parcels');
  return dims;
}

function vectorOf(a: Amounts | undefined, dims: string[], field: string, isCapacity: boolean): number[] {
  if (a === undefined) return dims.map(() => 0);
  if (Array.isArray(a)) {
    if (a.length !== dims.length || dims[0] !== 'd0') fail(field, `must be ${dims[0] === 'd0' ? `an array of ${dims.length} number(s)` : `an object with ${dims.join(', ')}`}`);
    return a.map((x, d) => (x < 0 ? fail(`${field}.${d}`, 'must be >= 0') : x));
  }
  if (dims[0] === 'd0') fail(field, `must be an array of ${dims.length} number(s), like vehicles.0.capacity`);
  for (const k of Object.keys(a)) {
    if (!dims.includes(k)) fail(`${field}.${k}`, isCapacity ? 'every vehicle must give the same capacity dimensions' : `no vehicle has a ${k} capacity`);
  }
  return dims.map((d) => {
    const x = (a as Record<string, number | undefined>)[d];
    if (x === undefined) return isCapacity ? fail(`${field}.${d}`, 'is required (another vehicle has it)') : 0;
    return x < 0 ? fail(`${field}.${d}`, 'must be >= 0') : x;
  });
}

/** Maps a solver field (`stops[2].timeWindows`, `vehicles[0].shiftS`) to the request's dotted name. */
export function requestField(field: string | undefined): string | undefined {
  if (!field) return field;
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\.shiftS\b/, '.shift')
    .replace(/\.startLocation\b/, '.start')
    .replace(/\.endLocation\b/, '.end')
    .replace(/\.fixedCost\b/, '.costs.fixedCny')
    .replace(/\.unassignedPenalty\b/, '.penaltyCny')
    .replace(/\.window\.(\d+)$/, '.window')
    .replace(/^distanceM\b/, 'matrix.distancesM')
    .replace(/^durationS\b/, 'matrix.durationsS');
}

/** Runs `fn`, renaming the field of a solver InputError to the request's names. */
export function withRequestFields<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError && e.field) {
      const field = requestField(e.field)!;
      const msg = e.message.startsWith(`${e.field}:`) ? `${field}:${e.message.slice(e.field.length + 1)}` : e.message;
      throw new InputError(msg, field);
    }
    throw e;
  }
}

/**
 * Checks a request and builds the routing problem: locations, travel
 * matrices (given, road graph or great-circle), demands, vehicles and costs.
 * InputError names the request field (dotted, e.g. `stops.2.timeWindows.0`).
 */
export function buildVrp(req: VrpRequest, graphs: readonly RoadNetwork[] = []): BuiltVrp {
  if (!Array.isArray(req.stops)) fail('stops', 'must be an array');
  if (!Array.isArray(req.vehicles) || req.vehicles.length === 0) fail('vehicles', 'must be a non-empty array');
  const opts = { ...VRP_DEFAULTS, ...Object.fromEntries(Object.entries(req.options ?? {}).filter(([, v]) => v !== undefined)) } as typeof VRP_DEFAULTS & NonNullable<VrpRequest['options']>;
  if (!(opts.detourFactor >= 1)) fail('options.detourFactor', 'must be >= 1');
  if (!(opts.speedKmh > 0)) fail('options.speedKmh', 'must be > 0');
  const dims = dimensionsOf(req);
  const given = req.matrix !== undefined;
  const points: Array<LonLat | null> = [];
  const names: string[] = [];
  const byKey = new Map<string, number>();
  const place = (p: unknown, index: unknown, field: string, indexField: string): number => {
    if (given) {
      const n = req.matrix!.distancesM.length;
      if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= n) {
        return fail(indexField, `must be an index into matrix.distancesM (0..${n - 1}) when a matrix is given`);
      }
      const i = index as number;
      if (p !== undefined) {
        if (!isLonLat(p)) fail(field, 'must be [lon, lat]');
        points[i] = p as LonLat;
      }
      return i;
    }
    if (p === undefined) return fail(field, 'is required (a [lon, lat] point) when no matrix is given');
    if (!isLonLat(p)) fail(field, 'must be [lon, lat] with |lon| <= 180 and |lat| <= 90');
    const key = `${(p as LonLat)[0]},${(p as LonLat)[1]}`;
    const known = byKey.get(key);
    if (known !== undefined) return known;
    points.push(p as LonLat);
    names.push(field);
    byKey.set(key, points.length - 1);
    return points.length - 1;
  };
  if (req.depot !== undefined && !isLonLat(req.depot)) fail('depot', 'must be [lon, lat]');

  const vehicleIds: string[] = [];
  const vehicles: VehicleInput[] = req.vehicles.map((v, i) => {
    const f = `vehicles.${i}`;
    if (vehicleIds.includes(v.id)) fail(`${f}.id`, `duplicate id "${v.id}"`);
    vehicleIds.push(v.id);
    const start = place(v.start ?? req.depot, v.startIndex, v.start ? `${f}.start` : req.depot ? 'depot' : `${f}.start`, `${f}.startIndex`);
    const end = v.end !== undefined || v.endIndex !== undefined ? place(v.end, v.endIndex, `${f}.end`, `${f}.endIndex`) : start;
    if (v.shift && v.shift[1] < v.shift[0]) fail(`${f}.shift`, 'end is before start');
    const c = v.costs ?? {};
    const none = c.fixedCny === undefined && c.perKmCny === undefined && c.perHourCny === undefined;
    return {
      id: v.id,
      startLocation: start,
      endLocation: end,
      capacity: vectorOf(v.capacity, dims, `${f}.capacity`, true),
      shiftS: v.shift,
      maxDurationS: v.maxDurationS,
      maxDistanceM: v.maxDistanceM,
      skills: v.skills,
      fixedCost: c.fixedCny ?? 0,
      costPerM: (none ? 1 : c.perKmCny ?? 0) / 1000,
      costPerS: (c.perHourCny ?? 0) / 3600,
      count: v.count ?? 1,
      ...(v.break !== undefined ? { break: v.break } : {}),
    };
  });

  const stopIds: string[] = [];
  const seen = new Set<string>();
  const stops: StopInput[] = req.stops.map((s, i) => {
    const f = `stops.${i}`;
    if (seen.has(s.id)) fail(`${f}.id`, `duplicate id "${s.id}"`);
    seen.add(s.id);
    stopIds.push(s.id);
    (s.timeWindows ?? []).forEach((w, k) => {
      if (w[1] < w[0]) fail(`${f}.timeWindows.${k}`, `closes (${w[1]}) before it opens (${w[0]})`);
      if (k > 0 && w[0] <= s.timeWindows![k - 1][1]) fail(`${f}.timeWindows.${k}`, 'windows must be sorted and disjoint');
    });
    return {
      id: s.id,
      location: place(s.location, s.locationIndex, `${f}.location`, `${f}.locationIndex`),
      demand: vectorOf(s.demand, dims, `${f}.demand`, false),
      serviceS: s.serviceS,
      timeWindows: s.timeWindows,
      optional: s.optional === true || s.penaltyCny !== undefined,
      unassignedPenalty: s.penaltyCny,
      skills: s.skills,
    };
  });

  const stopIndex = new Map(stopIds.map((id, i) => [id, i]));
  const pairs = (req.pairs ?? []).map((pr, i) => {
    const at = (key: 'pickup' | 'delivery'): number => {
      const k = stopIndex.get(pr[key]);
      return k === undefined ? fail(`pairs.${i}.${key}`, `unknown stop "${pr[key]}"`) : k;
    };
    const pickup = at('pickup');
    const delivery = at('delivery');
    if (pickup === delivery) fail(`pairs.${i}.delivery`, 'is the pickup itself');
    return { pickup, delivery };
  });

  let travel: Travel;
  if (given) {
    const n = req.matrix!.distancesM.length;
    while (points.length < n) points.push(null);
    for (let i = 0; i < n; i++) if (points[i] === undefined) points[i] = null;
    travel = { distanceM: new Float64Array(0), durationS: new Float64Array(0), source: 'given', road: null };
  } else {
    const pts = points as LonLat[];
    const net = opts.roads === false ? null : roadGraphFor(graphs, pts);
    travel = net ? roadTravel(net, pts, names) : greatCircleTravel(pts, opts.detourFactor, opts.speedKmh);
  }
  const input: ProblemInput = {
    dimensions: dims,
    coordinates: points.every((p) => p !== null) ? (points as LonLat[]) : undefined,
    distanceM: given ? req.matrix!.distancesM : travel.distanceM,
    durationS: given ? req.matrix!.durationsS : travel.durationS,
    stops,
    vehicles,
    ...(pairs.length > 0 ? { pairs } : {}),
  };
  const problem = withRequestFields(() => createProblem(input));
  return { problem, input, stopIds, vehicleIds, points, dimensions: dims, matrixSource: travel.source, road: travel.road };
}

/**
 * What the solver does not handle, checked before a job is queued so that the
 * caller gets a 400 naming the field at once. Since the rich search
 * (src/routing/pdp) takes pairs mixed with stops, several windows per stop,
 * several vehicle types and distance limits with windows, nothing of a valid
 * request is refused any more; the hook stays for future limits.
 */
export function checkSolvable(built: BuiltVrp): void {
  void built;
}
