import { DataError } from '../shared/errors.js';
import type { ProblemInput } from './problem.js';
import type { RoutePlan } from './check.js';

/**
 * CVRPLIB (TSPLIB-style) instance reader and `.sol` writer. Distances are
 * EUC_2D rounded to the nearest integer per edge (TSPLIB nint); DISTANCE is
 * the maximum route length (travel + service) and SERVICE_TIME the service
 * time of every customer.
 */
export interface CvrplibInstance {
  name: string;
  /** Node coordinates in file order; `depot` indexes them. */
  coords: Array<[number, number]>;
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

/** Parses the text of a `.vrp` file; `file` names it in errors. */
export function parseCvrplib(text: string, file = 'instance.vrp'): CvrplibInstance {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  let section = '';
  let dimension = -1;
  const coords = new Map<number, [number, number]>();
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
    if (section === 'NODE_COORD_SECTION') {
      if (parts.length < 3) throw new DataError(file, i + 1, section, 'expected "id x y"');
      coords.set(parts[0], [parts[1], parts[2]]);
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
  if (type !== 'EUC_2D') throw new DataError(file, undefined, 'EDGE_WEIGHT_TYPE', `only EUC_2D is supported, got ${type}`);
  const ids = [...coords.keys()].sort((a, b) => a - b);
  if (ids.length !== dimension) throw new DataError(file, undefined, 'NODE_COORD_SECTION', `${ids.length} nodes for DIMENSION ${dimension}`);
  const depotId = depots.length > 0 ? depots[0] : ids[0];
  const depot = ids.indexOf(depotId);
  if (depot < 0) throw new DataError(file, undefined, 'DEPOT_SECTION', `unknown depot ${depotId}`);
  const name = header.get('NAME') ?? file.replace(/\.vrp$/, '');
  const dl = num('DISTANCE', false);
  const st = num('SERVICE_TIME', false);
  const km = /-k(\d+)/.exec(name);
  return {
    name,
    coords: ids.map((id) => coords.get(id)!),
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

/** Rounded Euclidean distance (TSPLIB nint). */
export function nint(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.floor(Math.hypot(a[0] - b[0], a[1] - b[1]) + 0.5);
}

/**
 * The instance as a routing problem: location i = node i, stop j = the
 * j-th non-depot node. `maxRoutes` limits the fleet (default: unlimited).
 */
export function cvrplibToProblem(inst: CvrplibInstance, maxRoutes?: number): ProblemInput {
  const n = inst.coords.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) dist[i * n + j] = i === j ? 0 : nint(inst.coords[i], inst.coords[j]);
  }
  const stops = [];
  for (let i = 0; i < n; i++) {
    if (i === inst.depot) continue;
    stops.push({ id: String(i), location: i, demand: [inst.demands[i]], serviceS: inst.serviceTime });
  }
  return {
    dimensions: ['demand'],
    coordinates: inst.coords,
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
