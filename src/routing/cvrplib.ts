import { DataError } from '../shared/errors.js';
import type { ProblemInput } from './problem.js';
import type { RoutePlan } from './check.js';

/**
 * CVRPLIB (TSPLIB-style) instance reader and `.sol` writer. Distances are
 * EUC_2D rounded to the nearest integer per edge (TSPLIB nint), CEIL_2D
 * rounded up, or EXPLICIT (EDGE_WEIGHT_SECTION in any TSPLIB
 * EDGE_WEIGHT_FORMAT: FULL_MATRIX, UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW,
 * LOWER_DIAG_ROW and their _COL twins), as used by the older sets (E-n13-k4,
 * F-n45-k4, …); DISTANCE is the maximum route length (travel + service) and
 * SERVICE_TIME the service time of every customer.
 */
export interface CvrplibInstance {
  name: string;
  /**
   * Node coordinates in node order (`depot` indexes them): NODE_COORD_SECTION, or DISPLAY_DATA_SECTION for an
   * EXPLICIT instance that has one; null when the file gives none.
   */
  coords: Array<[number, number]> | null;
  /** EUC_2D, CEIL_2D or EXPLICIT. */
  edgeWeightType: EdgeWeightType;
  /** For EXPLICIT: the n × n distances, row-major, symmetric; otherwise null. */
  weights: Float64Array | null;
  demands: number[];
  /** 0-based index of the depot node. */
  depot: number;
  capacity: number;
  /** Maximum route length, Infinity when absent. */
  distanceLimit: number;
  serviceTime: number;
  /** k from a `-kN` suffix of the name, or null. */
  k: number | null;
}

export type EdgeWeightType = 'EUC_2D' | 'CEIL_2D' | 'EXPLICIT';

/** The edge weights TSPLIB's formats list, in file order: for each, the (i, j) cells it fills in turn. */
const TRIANGLES: Record<string, (n: number, visit: (i: number, j: number) => void) => void> = {
  FULL_MATRIX: (n, v) => {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v(i, j);
  },
  UPPER_ROW: (n, v) => {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) v(i, j);
  },
  LOWER_ROW: (n, v) => {
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) v(i, j);
  },
  UPPER_DIAG_ROW: (n, v) => {
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) v(i, j);
  },
  LOWER_DIAG_ROW: (n, v) => {
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) v(i, j);
  },
};
// A column-wise triangle lists the same cells as the other triangle row-wise (the matrix is symmetric).
TRIANGLES.LOWER_COL = TRIANGLES.UPPER_ROW;
TRIANGLES.UPPER_COL = TRIANGLES.LOWER_ROW;
TRIANGLES.LOWER_DIAG_COL = TRIANGLES.UPPER_DIAG_ROW;
TRIANGLES.UPPER_DIAG_COL = TRIANGLES.LOWER_DIAG_ROW;

/** The n × n matrix of an EDGE_WEIGHT_SECTION (both triangles filled from the one given). */
function explicitWeights(file: string, n: number, format: string, values: number[]): Float64Array {
  const order = TRIANGLES[format];
  if (!order) throw new DataError(file, undefined, 'EDGE_WEIGHT_FORMAT', `expected one of ${Object.keys(TRIANGLES).join(', ')}, got "${format}"`);
  let count = 0;
  order(n, () => count++);
  if (values.length !== count) throw new DataError(file, undefined, 'EDGE_WEIGHT_SECTION', `${values.length} weights; ${format} for DIMENSION ${n} needs ${count}`);
  const m = new Float64Array(n * n);
  let k = 0;
  order(n, (i, j) => {
    const w = values[k++];
    m[i * n + j] = w;
    if (format !== 'FULL_MATRIX') m[j * n + i] = w;
  });
  return m;
}

/** Parses the text of a `.vrp` file; `file` names it in errors. */
export function parseCvrplib(text: string, file = 'instance.vrp'): CvrplibInstance {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  let section = '';
  let dimension = -1;
  const coords = new Map<number, [number, number]>();
  const display = new Map<number, [number, number]>();
  const weightValues: number[] = [];
  const demands = new Map<number, number>();
  const depots: number[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line === 'EOF') return;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1], kv[2].trim().replace(/^"|"$/g, ''));
      section = '';
      return;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      return;
    }
    const parts = line.split(/\s+/).map(Number);
    if (parts.some((x) => !Number.isFinite(x))) throw new DataError(file, i + 1, section || undefined, `cannot read "${line}"`);
    if (section === 'NODE_COORD_SECTION' || section === 'DISPLAY_DATA_SECTION') {
      if (parts.length < 3) throw new DataError(file, i + 1, section, 'expected "id x y"');
      (section === 'NODE_COORD_SECTION' ? coords : display).set(parts[0], [parts[1], parts[2]]);
    } else if (section === 'EDGE_WEIGHT_SECTION') {
      for (const x of parts) weightValues.push(x);
    } else if (section === 'DEMAND_SECTION') {
      if (parts.length < 2) throw new DataError(file, i + 1, section, 'expected "id demand"');
      demands.set(parts[0], parts[1]);
    } else if (section === 'DEPOT_SECTION') {
      if (parts[0] >= 0) depots.push(parts[0]);
    } else {
      throw new DataError(file, i + 1, section || undefined, `unexpected line "${line}"`);
    }
  });
  const num = (key: string, required: boolean): number => {
    const v = header.get(key);
    if (v === undefined) {
      if (required) throw new DataError(file, undefined, key, 'missing');
      return NaN;
    }
    const x = Number(v);
    if (!Number.isFinite(x)) throw new DataError(file, undefined, key, `not a number: "${v}"`);
    return x;
  };
  dimension = num('DIMENSION', true);
  const capacity = num('CAPACITY', true);
  const type = header.get('EDGE_WEIGHT_TYPE') ?? 'EUC_2D';
  if (type !== 'EUC_2D' && type !== 'CEIL_2D' && type !== 'EXPLICIT') {
    throw new DataError(file, undefined, 'EDGE_WEIGHT_TYPE', `expected EUC_2D, CEIL_2D or EXPLICIT, got ${type}`);
  }
  if (!Number.isInteger(dimension) || dimension < 2) throw new DataError(file, undefined, 'DIMENSION', `must be an integer ≥ 2, got ${dimension}`);
  const given = coords.size > 0 ? coords : display.size > 0 && type === 'EXPLICIT' ? display : null;
  if (given === null && type !== 'EXPLICIT') throw new DataError(file, undefined, 'NODE_COORD_SECTION', `missing (${type} needs coordinates)`);
  // Nodes are numbered 1..DIMENSION in TSPLIB; a coordinate section may number them otherwise (sorted here).
  const ids = given ? [...given.keys()].sort((a, b) => a - b) : Array.from({ length: dimension }, (_x, i) => i + 1);
  if (ids.length !== dimension) throw new DataError(file, undefined, coords.size > 0 ? 'NODE_COORD_SECTION' : 'DISPLAY_DATA_SECTION', `${ids.length} nodes for DIMENSION ${dimension}`);
  const weights = type === 'EXPLICIT' ? explicitWeights(file, dimension, header.get('EDGE_WEIGHT_FORMAT') ?? '', weightValues) : null;
  const depotId = depots.length > 0 ? depots[0] : ids[0];
  const depot = ids.indexOf(depotId);
  if (depot < 0) throw new DataError(file, undefined, 'DEPOT_SECTION', `unknown depot ${depotId}`);
  const name = header.get('NAME') ?? file.replace(/\.vrp$/, '');
  const dl = num('DISTANCE', false);
  const st = num('SERVICE_TIME', false);
  const km = /-k(\d+)/.exec(name);
  return {
    name,
    coords: given ? ids.map((id) => given.get(id)!) : null,
    edgeWeightType: type,
    weights,
    demands: ids.map((id) => {
      const d = demands.get(id);
      if (d === undefined) throw new DataError(file, undefined, 'DEMAND_SECTION', `no demand for node ${id}`);
      return d;
    }),
    depot,
    capacity,
    distanceLimit: Number.isNaN(dl) ? Infinity : dl,
    serviceTime: Number.isNaN(st) ? 0 : st,
    k: km ? Number(km[1]) : null,
  };
}

/** Euclidean distance rounded up (TSPLIB CEIL_2D). */
export function ceil2d(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.ceil(Math.hypot(a[0] - b[0], a[1] - b[1]));
}

/** Rounded Euclidean distance (TSPLIB nint). */
export function nint(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.floor(Math.hypot(a[0] - b[0], a[1] - b[1]) + 0.5);
}

/**
 * The instance as a routing problem: location i = node i, stop j = the
 * j-th non-depot node. `maxRoutes` limits the fleet (default: unlimited).
 */
export function cvrplibToProblem(inst: CvrplibInstance, maxRoutes?: number): ProblemInput {
  const n = inst.demands.length;
  let dist = inst.weights;
  if (dist === null) {
    const c = inst.coords!;
    const d = inst.edgeWeightType === 'CEIL_2D' ? ceil2d : nint;
    dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) dist[i * n + j] = i === j ? 0 : d(c[i], c[j]);
    }
  }
  const stops = [];
  for (let i = 0; i < n; i++) {
    if (i === inst.depot) continue;
    stops.push({ id: String(i), location: i, demand: [inst.demands[i]], serviceS: inst.serviceTime });
  }
  return {
    dimensions: ['demand'],
    ...(inst.coords ? { coordinates: inst.coords } : {}),
    distanceM: dist,
    stops,
    vehicles: [{
      id: 'vehicle',
      startLocation: inst.depot,
      capacity: [inst.capacity],
      maxDurationS: inst.distanceLimit,
      count: maxRoutes === undefined ? 'unlimited' : maxRoutes,
    }],
  };
}

/**
 * CVRPLIB `.sol` text: `Route #1: 3 5 7` with customers numbered as in
 * CVRPLIB solutions (1..n−1 over the non-depot nodes in file order, i.e.
 * node id − 1 when the depot is node 1), then `Cost N`.
 */
export function formatCvrplibSolution(routes: RoutePlan[], cost: number): string {
  const lines = routes
    .filter((r) => r.stops.length > 0)
    .map((r, k) => `Route #${k + 1}: ${r.stops.map((s) => s + 1).join(' ')}`);
  lines.push(`Cost ${Math.round(cost * 1e6) / 1e6}`);
  return lines.join('\n') + '\n';
}

/** The `Cost` line of a CVRPLIB `.sol` text, or null. */
export function parseSolutionCost(text: string): number | null {
  const m = /^\s*Cost\s+([0-9.eE+-]+)/m.exec(text);
  return m ? Number(m[1]) : null;
}
