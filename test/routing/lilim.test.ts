import { describe, expect, it } from 'vitest';
import { liLimToProblem, parseLiLim } from '../../src/routing/lilim.js';
import { createProblem } from '../../src/routing/problem.js';
import { DataError } from '../../src/shared/errors.js';

// Depot at the origin (horizon 1000); pair 1 → 2 (10 units) and pair 4 → 3 (5 units), rows tab-separated.
const TINY = [
  '2\t20\t1',
  '0\t0\t0\t0\t0\t1000\t0\t0\t0',
  '1\t10\t0\t10\t0\t100\t5\t0\t2',
  '2\t20\t0\t-10\t0\t200\t5\t1\t0',
  '3\t0\t20\t-5\t50\t300\t5\t4\t0',
  '4\t0\t10\t5\t0\t100\t5\t0\t3',
  '',
].join('\r\n');

const expectDataError = (text: string, pattern: RegExp): void => {
  let err: unknown;
  try {
    parseLiLim(text, 'bad.txt');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DataError);
  expect((err as Error).message).toMatch(pattern);
};

describe('Li & Lim PDPTW files', () => {
  it('parses the header, tasks and pairs (pairs named from either side)', () => {
    const inst = parseLiLim(TINY, 'tiny.txt');
    expect(inst).toMatchObject({ name: 'tiny', vehicles: 2, capacity: 20, ids: [0, 1, 2, 3, 4], demand: [0, 10, -10, -5, 5], ready: [0, 0, 0, 50, 0], service: [0, 5, 5, 5, 5] });
    expect(inst.pairs).toEqual([{ pickup: 1, delivery: 2 }, { pickup: 4, delivery: 3 }]);
  });

  it('builds a problem: stops = task rows − 1, deliveries with demand 0, double-precision distances, depot horizon', () => {
    const problem = createProblem(liLimToProblem(parseLiLim(TINY), 'hierarchical'));
    expect(problem.stops.map((s) => s.id)).toEqual(['1', '2', '3', '4']);
    expect(problem.pairs).toEqual([{ pickup: 0, delivery: 1 }, { pickup: 3, delivery: 2 }]);
    expect(problem.stops.map((s) => s.demand[0])).toEqual([10, 0, 0, 5]);
    expect(problem.vehicles[0]).toMatchObject({ count: 2, capacity: [20], shiftS: [0, 1000], fixedCost: 100_000 });
    // task 1 (10,0) to task 4 (0,10): √200
    expect(problem.distanceM[1 * 5 + 4]).toBeCloseTo(Math.SQRT2 * 10, 12);
    expect(problem.durationS[1 * 5 + 4]).toBe(problem.distanceM[1 * 5 + 4]);
    expect(createProblem(liLimToProblem(parseLiLim(TINY), 'distance')).vehicles[0].fixedCost).toBe(0);
  });

  it('accepts a speed column of 0 (as in lc205): travel time stays the distance', () => {
    const inst = parseLiLim(TINY.replace('2\t20\t1', '2\t20\t0'));
    expect(inst.speed).toBe(0);
    expect(createProblem(liLimToProblem(inst, 'distance')).durationS[1]).toBe(10);
  });

  it('names line and field of malformed input', () => {
    expectDataError('', /empty file/);
    expectDataError(TINY.replace('2\t20\t1', '2\tx\t1'), /bad\.txt:1 \(capacity\): must be a positive number, got "x"/);
    expectDataError(TINY.replace('1\t10\t0\t10\t0\t100\t5\t0\t2', '1\t10\t0\t10\t0\t100\t5'), /bad\.txt:3 \(pickup\): expected 9 columns/);
    expectDataError(TINY.replace('2\t20\t0\t-10', '2\t2o\t0\t-10'), /bad\.txt:4 \(x\): not a number: "2o"/);
    expectDataError(TINY.replace('3\t0\t20\t-5\t50\t300', '3\t0\t20\t-5\t350\t300'), /bad\.txt:5 \(due\): ready time 350 after due date 300/);
    expectDataError(TINY.replace('2\t20\t0\t-10', '2\t20\t0\t-9'), /bad\.txt:4 \(demand\): delivery 2 demand -9 is not minus its pickup's 10/);
    expectDataError(TINY.replace('5\t0\t3', '5\t0\t2'), /bad\.txt:6 \(delivery\): task 4: task 2 does not name 4 as its pickup/);
    expectDataError(TINY.replace('5\t0\t3', '5\t0\t9'), /bad\.txt:6 \(delivery\): task 4: no task 9/);
    expectDataError(TINY.replace('5\t0\t3', '5\t1\t3'), /bad\.txt:6 \(pickup\): task 4: exactly one of pickup/);
    expectDataError(TINY.replace('0\t0\t0\t0\t0\t1000', '7\t0\t0\t0\t0\t1000'), /bad\.txt:2 \(id\): the first task row must be the depot/);
    expectDataError(TINY.replace('3\t0\t20', '2\t0\t20'), /bad\.txt:5 \(id\): duplicate task 2/);
  });

  it('reads every dev instance with 50–55 pairs', async () => {
    const { readdirSync, readFileSync, existsSync } = await import('node:fs');
    const dir = new URL('../../../shared/bench/pdptw/dev/', import.meta.url);
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const inst = parseLiLim(readFileSync(new URL(f, dir), 'utf8'), f);
      expect(inst.pairs.length * 2).toBe(inst.ids.length - 1);
      expect(inst.pairs.length).toBeGreaterThanOrEqual(50);
    }
  });
});
