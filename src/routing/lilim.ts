import { DataError } from '../shared/errors.js';
import type { ProblemInput } from './problem.js';
import { solomonToProblem, type SolomonInstance, type TwObjective } from './solomon.js';

/**
 * A Li & Lim (2003) PDPTW instance as read from its text file (row 0 is the depot): the rows of a Solomon
 * instance, with `ids` the task numbers as in the file and a signed `demand` (> 0 at pickups, < 0 at deliveries).
 */
export interface LiLimInstance extends SolomonInstance {
  /** The speed column (1, or 0 in some files; not used: travel time = distance). */
  speed: number;
  /** Pairs as row indices into the row arrays (pickup row, delivery row). */
  pairs: Array<{ pickup: number; delivery: number }>;
}

const COLUMNS = ['id', 'x', 'y', 'demand', 'ready', 'due', 'service', 'pickup', 'delivery'];

/**
 * Parses the Li & Lim text format: a first line `K Q speed`, then one row per
 * task `id x y demand ready due service p d` (the depot first). A task with
 * `p = 0` is a pickup whose delivery is task `d`; one with `d = 0` is a
 * delivery whose pickup is task `p`. Throws DataError naming line and field.
 */
export function parseLiLim(text: string, file = 'instance.txt'): LiLimInstance {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new DataError(file, undefined, undefined, 'empty file');
  const head = lines[first].trim().split(/\s+/);
  const names = ['vehicles', 'capacity', 'speed'];
  if (head.length < 2) throw new DataError(file, first + 1, 'capacity', `expected "K Q speed", got "${lines[first].trim()}"`);
  const headNums = head.slice(0, 3).map((c, k) => {
    const v = Number(c);
    // the speed column is informational (0 in some files); travel time = distance
    if (!Number.isFinite(v) || v < 0 || (k < 2 && v === 0)) throw new DataError(file, first + 1, names[k], `must be a ${k < 2 ? 'positive' : 'non-negative'} number, got "${c}"`);
    return v;
  });
  const [vehicles, capacity, speed = 1] = headNums;
  if (!Number.isInteger(vehicles)) throw new DataError(file, first + 1, 'vehicles', `must be an integer, got ${vehicles}`);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  const inst: LiLimInstance = { name, vehicles, capacity, speed, ids: [], x: [], y: [], demand: [], ready: [], due: [], service: [], pairs: [] };
  const link: Array<[number, number, number]> = [];
  const rowOfId = new Map<number, number>();
  const lineOf: number[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const cells = raw.split(/\s+/);
    if (cells.length < 9) throw new DataError(file, i + 1, COLUMNS[cells.length], `expected 9 columns (${COLUMNS.join(' ')}), got ${cells.length}`);
    const v = cells.slice(0, 9).map((c, k) => {
      const x = Number(c);
      if (!Number.isFinite(x)) throw new DataError(file, i + 1, COLUMNS[k], `not a number: "${c}"`);
      return x;
    });
    const [id, x, y, demand, ready, due, service, p, d] = v;
    if (!Number.isInteger(id) || id < 0) throw new DataError(file, i + 1, 'id', `must be an integer >= 0, got ${id}`);
    if (rowOfId.has(id)) throw new DataError(file, i + 1, 'id', `duplicate task ${id}`);
    if (ready > due) throw new DataError(file, i + 1, 'due', `ready time ${ready} after due date ${due}`);
    if (service < 0) throw new DataError(file, i + 1, 'service', `must be >= 0, got ${service}`);
    const row = inst.ids.length;
    if (row === 0 && id !== 0) throw new DataError(file, i + 1, 'id', 'the first task row must be the depot (0)');
    rowOfId.set(id, row);
    lineOf.push(i + 1);
    inst.ids.push(id);
    inst.x.push(x);
    inst.y.push(y);
    inst.demand.push(demand);
    inst.ready.push(ready);
    inst.due.push(due);
    inst.service.push(service);
    link.push([p, d, i + 1]);
  }
  if (inst.ids.length < 3) throw new DataError(file, undefined, 'id', 'needs the depot and at least one pickup-delivery pair');
  for (let row = 1; row < inst.ids.length; row++) {
    const [p, d, line] = link[row];
    const id = inst.ids[row];
    if ((p === 0) === (d === 0)) throw new DataError(file, line, 'pickup', `task ${id}: exactly one of pickup (${p}) and delivery (${d}) must be 0`);
    const other = rowOfId.get(p === 0 ? d : p);
    const field = p === 0 ? 'delivery' : 'pickup';
    if (other === undefined || other === 0) throw new DataError(file, line, field, `task ${id}: no task ${p === 0 ? d : p}`);
    const [op, od] = link[other];
    if (p === 0) {
      if (op !== id || od !== 0) throw new DataError(file, line, 'delivery', `task ${id}: task ${d} does not name ${id} as its pickup`);
      if (inst.demand[row] < 0) throw new DataError(file, line, 'demand', `pickup ${id} has negative demand ${inst.demand[row]}`);
      if (inst.demand[other] !== -inst.demand[row]) {
        throw new DataError(file, lineOf[other], 'demand', `delivery ${inst.ids[other]} demand ${inst.demand[other]} is not minus its pickup's ${inst.demand[row]}`);
      }
      inst.pairs.push({ pickup: row, delivery: other });
    }
  }
  return inst;
}

/**
 * The routing problem of a Li & Lim instance: stop k is task row k + 1, pairs
 * pickup → delivery with the pickup's demand on board in between (deliveries
 * carry demand 0 in the model), travel time = distance, hard windows
 * on the start of service, the depot's window as every vehicle's shift, at
 * most K vehicles of capacity Q. `hierarchical` puts a fixed cost per vehicle
 * larger than any distance a vehicle could save (vehicles first, then distance).
 */
export function liLimToProblem(inst: LiLimInstance, objective: TwObjective, vehicleCost = 100_000): ProblemInput {
  // the same rows as a Solomon instance, with deliveries' negative demand set to 0, plus the pairs
  const rows = { ...inst, demand: inst.demand.map((d) => Math.max(0, d)) };
  return { ...solomonToProblem(rows, objective, vehicleCost), pairs: inst.pairs.map((p) => ({ pickup: p.pickup - 1, delivery: p.delivery - 1 })) };
}
