import { InputError } from '../shared/errors.js';

/**
 * The vehicle-routing problem: built and validated once by `createProblem()`,
 * then read-only. Locations are indices into square travel matrices
 * (row-major typed arrays). Times are seconds from the planning origin (0),
 * distances metres (or the unit of the matrix given), costs in the caller's
 * currency.
 */

/** A stop to visit (a delivery, a pickup, or one half of a pickup-delivery pair). */
export interface StopInput {
  id?: string;
  /** Index into the travel matrices. */
  location: number;
  /** Demand per dimension (same length for every stop and vehicle); default zeros. */
  demand?: number[];
  /** Service duration at the stop. */
  serviceS?: number;
  /** Allowed start-of-service windows [open, close], sorted and disjoint; default: always. */
  timeWindows?: Array<[number, number]>;
  /** May be left unassigned (at `unassignedPenalty`) when true. */
  optional?: boolean;
  /** Cost of leaving an optional stop unassigned; default 0. */
  unassignedPenalty?: number;
  /** Skills a vehicle must have to serve this stop. */
  skills?: string[];
}

/** A vehicle type: `count` identical vehicles ('unlimited' for a free fleet). */
export interface VehicleInput {
  id?: string;
  startLocation: number;
  /** Default: back to the start. */
  endLocation?: number;
  /** Capacity per dimension. */
  capacity: number[];
  /** Working time [start, end]; default [0, +inf). */
  shiftS?: [number, number];
  maxDurationS?: number;
  maxDistanceM?: number;
  /** Cost per vehicle used; default 0. */
  fixedCost?: number;
  /** Cost per metre travelled; default 1 when neither per-metre nor per-second cost is given. */
  costPerM?: number;
  /** Cost per second of route duration (travel, service, waiting); default 0. */
  costPerS?: number;
  /** Number of such vehicles; default 1. */
  count?: number | 'unlimited';
  skills?: string[];
  /**
   * A break (e.g. lunch) of `durationS` that must start within `window` [start, end]; taken right after a stop
   * or at the start depot before the first stop (waiting for the window to open allowed). A route back at its
   * end depot by the window start needs none.
   */
  break?: BreakInput;
}

/** A vehicle's break: its duration and the window in which it must start. */
export interface BreakInput {
  durationS: number;
  window: [number, number];
}

/** A pickup-and-delivery pair: both stops on the same route, the pickup first. */
export interface PairInput {
  /** Stop index of the pickup; its demand is carried on board until the delivery. */
  pickup: number;
  /** Stop index of the delivery; its own demand is not counted (the pickup's is unloaded there). */
  delivery: number;
}

/** The problem as given by a caller (API, CLI, benchmark reader); validated by `createProblem`. */
export interface ProblemInput {
  /** Names of the demand dimensions, e.g. ['weightKg', 'volumeM3']; default ['load0', ...]. */
  dimensions?: string[];
  /** Optional coordinates per location ([lon, lat] or planar [x, y]); used for geometry and search heuristics. */
  coordinates?: Array<[number, number]>;
  /** Square distance matrix: number[][] or a flat row-major array. */
  distanceM: number[][] | ArrayLike<number>;
  /** Square travel-time matrix; default: equal to distanceM (unit speed, as in CVRPLIB and Solomon). */
  durationS?: number[][] | ArrayLike<number>;
  stops: StopInput[];
  vehicles: VehicleInput[];
  pairs?: PairInput[];
}

/** A validated stop (defaults filled in). */
export interface Stop {
  readonly id: string;
  readonly location: number;
  readonly demand: readonly number[];
  readonly serviceS: number;
  readonly timeWindows: ReadonlyArray<readonly [number, number]>;
  readonly optional: boolean;
  readonly unassignedPenalty: number;
  readonly skills: readonly string[];
}

/** A validated vehicle type (defaults filled in; Infinity for absent limits). */
export interface Vehicle {
  readonly id: string;
  readonly startLocation: number;
  readonly endLocation: number;
  readonly capacity: readonly number[];
  readonly shiftS: readonly [number, number];
  readonly maxDurationS: number;
  readonly maxDistanceM: number;
  readonly fixedCost: number;
  readonly costPerM: number;
  readonly costPerS: number;
  /** Number of vehicles of this type; Infinity for a free fleet. */
  readonly count: number;
  readonly skills: readonly string[];
  /** The break each vehicle of this type takes, or null. */
  readonly break: Readonly<BreakInput> | null;
}

/** The validated, read-only problem. */
export interface Problem {
  readonly dimensions: readonly string[];
  readonly numLocations: number;
  readonly coordinates: ReadonlyArray<readonly [number, number]> | null;
  /** Row-major numLocations × numLocations. */
  readonly distanceM: Float64Array;
  readonly durationS: Float64Array;
  readonly stops: readonly Stop[];
  readonly vehicles: readonly Vehicle[];
  readonly pairs: readonly PairInput[];
  /** True when any stop has a finite time window or any vehicle a finite shift. */
  readonly hasTimeWindows: boolean;
}

const fail = (field: string, msg: string): never => {
  throw new InputError(`${field}: ${msg}`, field);
};

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function nonNegative(x: unknown, field: string): number {
  if (!isNum(x) || x < 0) fail(field, `must be a finite number >= 0, got ${String(x)}`);
  return x as number;
}

function readMatrix(m: unknown, field: string, size: number | null): { data: Float64Array; size: number } {
  if (m === undefined || m === null) return fail(field, 'is required');
  let n: number;
  if (Array.isArray(m) && (m.length === 0 || Array.isArray(m[0]))) {
    const rows = m as unknown[];
    n = rows.length;
    const data = new Float64Array(n * n);
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== n) fail(`${field}[${i}]`, `must be a row of ${n} numbers`);
      (row as unknown[]).forEach((v, j) => {
        data[i * n + j] = nonNegative(v, `${field}[${i}][${j}]`);
      });
    });
    if (size !== null && n !== size) fail(field, `must be ${size}×${size}, got ${n}×${n}`);
    return { data, size: n };
  }
  const arr = m as ArrayLike<number>;
  if (typeof arr.length !== 'number') return fail(field, 'must be a matrix');
  n = Math.round(Math.sqrt(arr.length));
  if (n * n !== arr.length) fail(field, `flat matrix length ${arr.length} is not a square`);
  if (size !== null && n !== size) fail(field, `must be ${size}×${size}, got ${n}×${n}`);
  const data = new Float64Array(n * n);
  for (let k = 0; k < arr.length; k++) {
    data[k] = nonNegative(arr[k], `${field}[${Math.floor(k / n)}][${k % n}]`);
  }
  return { data, size: n };
}

function readLocation(x: unknown, field: string, n: number): number {
  if (!Number.isInteger(x) || (x as number) < 0 || (x as number) >= n) {
    fail(field, `must be an integer location index in [0, ${n - 1}], got ${String(x)}`);
  }
  return x as number;
}

function readVector(x: unknown, field: string, dims: number, fallback: number | null): number[] {
  if (x === undefined) {
    if (fallback === null) return fail(field, 'is required');
    return new Array(dims).fill(fallback);
  }
  if (!Array.isArray(x) || x.length !== dims) return fail(field, `must be an array of ${dims} number(s)`);
  return x.map((v, d) => nonNegative(v, `${field}[${d}]`));
}

function readSkills(x: unknown, field: string): string[] {
  if (x === undefined) return [];
  if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) return fail(field, 'must be an array of strings');
  return [...x];
}

function readBreak(b: unknown, field: string, shiftS: [number, number]): Readonly<BreakInput> {
  if (typeof b !== 'object' || b === null) return fail(field, 'must be { durationS, window: [start, end] }');
  const { durationS, window } = b as Partial<BreakInput>;
  const dur = nonNegative(durationS, `${field}.durationS`);
  if (!Array.isArray(window) || window.length !== 2) return fail(`${field}.window`, 'must be [start, end]');
  const a = nonNegative(window[0], `${field}.window[0]`);
  const e = nonNegative(window[1], `${field}.window[1]`);
  if (e < a) fail(`${field}.window`, `end ${e} is before start ${a}`);
  if (dur > shiftS[1] - shiftS[0]) fail(`${field}.durationS`, `${dur} s is longer than the shift (${shiftS[1] - shiftS[0]} s)`);
  if (e < shiftS[0] || a + dur > shiftS[1]) fail(`${field}.window`, `[${a}, ${e}] cannot be met within the shift [${shiftS[0]}, ${shiftS[1]}]`);
  return Object.freeze({ durationS: dur, window: [a, e] as [number, number] });
}

/**
 * Validates the input and builds the read-only problem. Every error is an
 * InputError whose `field` names the offending input, e.g. `stops[3].demand`.
 */
export function createProblem(input: ProblemInput): Problem {
  if (typeof input !== 'object' || input === null) fail('problem', 'must be an object');
  const dist = readMatrix(input.distanceM, 'distanceM', null);
  const n = dist.size;
  if (n === 0) fail('distanceM', 'must not be empty');
  const dur = input.durationS === undefined ? { data: dist.data, size: n } : readMatrix(input.durationS, 'durationS', n);

  if (!Array.isArray(input.stops)) fail('stops', 'must be an array');
  if (!Array.isArray(input.vehicles) || input.vehicles.length === 0) fail('vehicles', 'must be a non-empty array');

  let dims: string[];
  if (input.dimensions !== undefined) {
    if (!Array.isArray(input.dimensions) || !input.dimensions.every((d) => typeof d === 'string')) {
      fail('dimensions', 'must be an array of names');
    }
    dims = [...input.dimensions];
  } else {
    const first = input.vehicles[0]?.capacity;
    if (!Array.isArray(first) || first.length === 0) fail('vehicles[0].capacity', 'must be a non-empty array of numbers');
    const len = (first as number[]).length;
    dims = Array.from({ length: len }, (_, d) => `load${d}`);
  }
  const D = dims.length;

  let coordinates: Array<[number, number]> | null = null;
  if (input.coordinates !== undefined) {
    if (!Array.isArray(input.coordinates) || input.coordinates.length !== n) {
      fail('coordinates', `must have one [x, y] per location (${n})`);
    }
    coordinates = input.coordinates.map((c, i) => {
      if (!Array.isArray(c) || c.length !== 2 || !isNum(c[0]) || !isNum(c[1])) fail(`coordinates[${i}]`, 'must be [x, y]');
      return [c[0], c[1]] as [number, number];
    });
  }

  let hasTimeWindows = false;
  const ids = new Set<string>();
  const stops: Stop[] = input.stops.map((s, i) => {
    const f = `stops[${i}]`;
    if (typeof s !== 'object' || s === null) fail(f, 'must be an object');
    const id = s.id ?? String(i);
    if (typeof id !== 'string') fail(`${f}.id`, 'must be a string');
    if (ids.has(id)) fail(`${f}.id`, `duplicate id "${id}"`);
    ids.add(id);
    const location = readLocation(s.location, `${f}.location`, n);
    const demand = readVector(s.demand, `${f}.demand`, D, 0);
    const serviceS = s.serviceS === undefined ? 0 : nonNegative(s.serviceS, `${f}.serviceS`);
    let timeWindows: Array<[number, number]> = [[0, Infinity]];
    if (s.timeWindows !== undefined) {
      if (!Array.isArray(s.timeWindows) || s.timeWindows.length === 0) fail(`${f}.timeWindows`, 'must be a non-empty array');
      let last = -Infinity;
      timeWindows = s.timeWindows.map((w, k) => {
        const wf = `${f}.timeWindows[${k}]`;
        if (!Array.isArray(w) || w.length !== 2) fail(wf, 'must be [open, close]');
        const open = nonNegative(w[0], `${wf}[0]`);
        const close = w[1] === Infinity ? Infinity : nonNegative(w[1], `${wf}[1]`);
        if (close < open) fail(wf, `close ${close} is before open ${open}`);
        if (open <= last) fail(wf, 'windows must be sorted and disjoint');
        last = close;
        return [open, close];
      });
      if (timeWindows.length > 1 || timeWindows[0][0] > 0 || timeWindows[0][1] < Infinity) hasTimeWindows = true;
    }
    const optional = s.optional === undefined ? false : s.optional;
    if (typeof optional !== 'boolean') fail(`${f}.optional`, 'must be a boolean');
    const unassignedPenalty = s.unassignedPenalty === undefined ? 0 : nonNegative(s.unassignedPenalty, `${f}.unassignedPenalty`);
    const skills = readSkills(s.skills, `${f}.skills`);
    return Object.freeze({ id, location, demand: Object.freeze(demand), serviceS, timeWindows, optional, unassignedPenalty, skills });
  });

  const vehicleIds = new Set<string>();
  const vehicles: Vehicle[] = input.vehicles.map((v, i) => {
    const f = `vehicles[${i}]`;
    if (typeof v !== 'object' || v === null) fail(f, 'must be an object');
    const id = v.id ?? String(i);
    if (typeof id !== 'string') fail(`${f}.id`, 'must be a string');
    if (vehicleIds.has(id)) fail(`${f}.id`, `duplicate id "${id}"`);
    vehicleIds.add(id);
    const startLocation = readLocation(v.startLocation, `${f}.startLocation`, n);
    const endLocation = v.endLocation === undefined ? startLocation : readLocation(v.endLocation, `${f}.endLocation`, n);
    const capacity = readVector(v.capacity, `${f}.capacity`, D, null);
    let shiftS: [number, number] = [0, Infinity];
    if (v.shiftS !== undefined) {
      if (!Array.isArray(v.shiftS) || v.shiftS.length !== 2) fail(`${f}.shiftS`, 'must be [start, end]');
      const a = nonNegative(v.shiftS[0], `${f}.shiftS[0]`);
      const b = v.shiftS[1] === Infinity ? Infinity : nonNegative(v.shiftS[1], `${f}.shiftS[1]`);
      if (b < a) fail(`${f}.shiftS`, 'end is before start');
      shiftS = [a, b];
      if (a > 0 || b < Infinity) hasTimeWindows = true;
    }
    const lim = (x: unknown, name: string): number => (x === undefined || x === Infinity ? Infinity : nonNegative(x, `${f}.${name}`));
    const maxDurationS = lim(v.maxDurationS, 'maxDurationS');
    const maxDistanceM = lim(v.maxDistanceM, 'maxDistanceM');
    const fixedCost = v.fixedCost === undefined ? 0 : nonNegative(v.fixedCost, `${f}.fixedCost`);
    const costPerS = v.costPerS === undefined ? 0 : nonNegative(v.costPerS, `${f}.costPerS`);
    const costPerM = v.costPerM === undefined ? (costPerS > 0 ? 0 : 1) : nonNegative(v.costPerM, `${f}.costPerM`);
    let count: number;
    if (v.count === undefined) count = 1;
    else if (v.count === 'unlimited') count = Infinity;
    else if (!Number.isInteger(v.count) || v.count < 0) return fail(`${f}.count`, `must be an integer >= 0 or "unlimited"`);
    else count = v.count;
    const skills = readSkills(v.skills, `${f}.skills`);
    const brk = v.break === undefined || v.break === null ? null : readBreak(v.break, `${f}.break`, shiftS);
    if (brk) hasTimeWindows = true;
    return Object.freeze({
      id, startLocation, endLocation, capacity: Object.freeze(capacity), shiftS, maxDurationS, maxDistanceM,
      fixedCost, costPerM, costPerS, count, skills, break: brk,
    });
  });

  const pairs: PairInput[] = [];
  const paired = new Set<number>();
  (input.pairs ?? []).forEach((p, i) => {
    const f = `pairs[${i}]`;
    const check = (x: unknown, name: string): number => {
      if (!Number.isInteger(x) || (x as number) < 0 || (x as number) >= stops.length) {
        fail(`${f}.${name}`, `must be a stop index in [0, ${stops.length - 1}]`);
      }
      if (paired.has(x as number)) fail(`${f}.${name}`, `stop ${String(x)} is already in a pair`);
      paired.add(x as number);
      return x as number;
    };
    const pickup = check(p?.pickup, 'pickup');
    const delivery = check(p?.delivery, 'delivery');
    if (pickup === delivery) fail(`${f}.delivery`, 'must differ from the pickup');
    pairs.push(Object.freeze({ pickup, delivery }));
  });

  return Object.freeze({
    dimensions: Object.freeze(dims),
    numLocations: n,
    coordinates,
    distanceM: dist.data,
    durationS: dur.data,
    stops: Object.freeze(stops),
    vehicles: Object.freeze(vehicles),
    pairs: Object.freeze(pairs),
    hasTimeWindows,
  });
}
