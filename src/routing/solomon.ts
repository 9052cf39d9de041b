import { DataError } from '../shared/errors.js';
import type { ProblemInput } from './problem.js';

/** A Solomon (1987) VRPTW instance as read from its text file (row 0 is the depot). */
export interface SolomonInstance {
  name: string;
  /** Fleet size K (an upper bound) and capacity Q. */
  vehicles: number;
  capacity: number;
  /** Customer numbers as in the file (0 = depot). */
  ids: number[];
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
  service: number[];
}

/**
 * Parses the Solomon text format: a name line, `VEHICLE` / `NUMBER CAPACITY`
 * with K and Q, then `CUSTOMER` and one row per node (number, x, y, demand,
 * ready time, due date, service time), the depot first.
 */
export function parseSolomon(text: string, file = 'instance.txt'): SolomonInstance {
  const lines = text.split(/\r?\n/);
  const name = lines.find((l) => l.trim() !== '')?.trim() ?? file;
  const iVeh = lines.findIndex((l) => /^\s*VEHICLE\b/i.test(l));
  if (iVeh < 0) throw new DataError(file, undefined, 'VEHICLE', 'no VEHICLE section');
  let k = NaN;
  let q = NaN;
  for (let i = iVeh + 1; i < lines.length && Number.isNaN(k); i++) {
    const nums = lines[i].trim().split(/\s+/).map(Number);
    if (nums.length >= 2 && nums.every(Number.isFinite)) [k, q] = nums;
  }
  if (!(k > 0) || !(q > 0)) throw new DataError(file, undefined, 'VEHICLE', 'no NUMBER and CAPACITY values');
  const iCust = lines.findIndex((l) => /^\s*CUSTOMER\b/i.test(l));
  if (iCust < 0) throw new DataError(file, undefined, 'CUSTOMER', 'no CUSTOMER section');
  const inst: SolomonInstance = { name, vehicles: k, capacity: q, ids: [], x: [], y: [], demand: [], ready: [], due: [], service: [] };
  for (let i = iCust + 1; i < lines.length; i++) {
    const cells = lines[i].trim().split(/\s+/);
    if (cells.length < 7 || !/^\d+$/.test(cells[0])) continue;
    const v = cells.slice(0, 7).map(Number);
    if (!v.every(Number.isFinite)) throw new DataError(file, i + 1, undefined, `not a customer row: "${lines[i].trim()}"`);
    if (v[4] > v[5]) throw new DataError(file, i + 1, 'due', `ready time ${v[4]} after due date ${v[5]}`);
    inst.ids.push(v[0]);
    inst.x.push(v[1]);
    inst.y.push(v[2]);
    inst.demand.push(v[3]);
    inst.ready.push(v[4]);
    inst.due.push(v[5]);
    inst.service.push(v[6]);
  }
  if (inst.ids.length < 2) throw new DataError(file, undefined, 'CUSTOMER', 'needs the depot and at least one customer');
  if (inst.ids[0] !== 0) throw new DataError(file, iCust + 2, 'CUST NO.', 'the first row must be the depot (0)');
  return inst;
}

/** Euclidean distance in double precision (the Solomon BKS convention). */
export function euclid(x1: number, y1: number, x2: number, y2: number): number {
  return Math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2);
}

export type TwObjective = 'distance' | 'hierarchical';

/**
 * The routing problem of a Solomon instance: travel time = distance, hard
 * windows on the start of service, the depot's window as every vehicle's
 * shift, at most K vehicles of capacity Q. For the `hierarchical` objective
 * every vehicle used costs `vehicleCost` (larger than any distance a vehicle
 * could save), so the search minimises vehicles first, then distance.
 */
export function solomonToProblem(inst: SolomonInstance, objective: TwObjective, vehicleCost = 100_000): ProblemInput {
  const n = inst.ids.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = euclid(inst.x[i], inst.y[i], inst.x[j], inst.y[j]);
  return {
    dimensions: ['demand'],
    coordinates: inst.x.map((x, i) => [x, inst.y[i]] as [number, number]),
    distanceM: dist,
    durationS: dist,
    stops: inst.ids.slice(1).map((id, k) => {
      const i = k + 1;
      return { id: String(id), location: i, demand: [inst.demand[i]], serviceS: inst.service[i], timeWindows: [[inst.ready[i], inst.due[i]]] as Array<[number, number]> };
    }),
    vehicles: [
      {
        startLocation: 0,
        endLocation: 0,
        capacity: [inst.capacity],
        shiftS: [inst.ready[0], inst.due[0]],
        count: inst.vehicles,
        fixedCost: objective === 'hierarchical' ? vehicleCost : 0,
        costPerM: 1,
      },
    ],
  };
}

/** `Route N: c1 c2 …` lines with customer numbers as in the file (depot left out). */
export function formatTwSolution(routes: { stops: number[] }[], ids: number[]): string {
  return routes
    .filter((r) => r.stops.length > 0)
    .map((r, k) => `Route ${k + 1}: ${r.stops.map((s) => ids[s + 1]).join(' ')}`)
    .join('\n') + '\n';
}
