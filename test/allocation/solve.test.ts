import { describe, expect, it } from 'vitest';
import { crossCheck } from '../../src/allocation/bench/crosscheck.js';
import { facilityInstance } from '../../src/allocation/bench/generate.js';
import { buildFlowLp } from '../../src/allocation/flow/build.js';
import type { LpModel } from '../../src/allocation/lp/model.js';
import { checkSolution } from '../../src/allocation/lp/check.js';
import { chooseBackend, solveLp } from '../../src/allocation/solve.js';
import { defaultHighsLoader, HighsPool, type HighsRuntime } from '../../src/allocation/solvers/highs-pool.js';
import { solveWithJsLpSolver } from '../../src/allocation/solvers/js-lp-solver.js';
import { detectNetwork } from '../../src/allocation/solvers/network-detect.js';
import { InputError } from '../../src/shared/errors.js';
import { createRng } from '../../src/shared/random.js';

describe('backends agree (property test on seeded random small instances)', () => {
  it('100 instances, LPs and MIPs, feasible and not: same status, objectives within 1e-6', async () => {
    const report = await crossCheck(100, 20261127);
    expect(report.disagreements).toEqual([]);
    expect(report.instances).toBe(100);
    // The sample must exercise every path.
    expect(report.optimal).toBeGreaterThan(35);
    expect(report.infeasible).toBeGreaterThan(10);
    expect(report.solves.networkSimplex).toBeGreaterThan(35);
    expect(report.withStart).toBeGreaterThan(8);
  });
});

describe('solveLp on general models', () => {
  // min -x - y  s.t.  x + 2y <= 4,  3x + y <= 6,  x, y >= 0  → x = 1.6, y = 1.2, obj -2.8; duals -0.4, -0.2.
  const lp: LpModel = {
    variables: [
      { lower: 0, upper: Infinity, cost: -1 },
      { lower: 0, upper: Infinity, cost: -1 },
    ],
    constraints: [
      { vars: [0, 1], coefs: [1, 2], sense: '<=', rhs: 4 },
      { vars: [0, 1], coefs: [3, 1], sense: '<=', rhs: 6 },
    ],
  };
  it('solves a non-network LP with highs and jsLpSolver; auto avoids the network simplex', async () => {
    expect(detectNetwork(lp)).toBeNull();
    expect(chooseBackend(lp)).toBe('jsLpSolver');
    expect(chooseBackend(lp, { duals: true })).toBe('highs');
    const h = await solveLp(lp, { backend: 'highs' });
    const j = await solveLp(lp, { backend: 'jsLpSolver' });
    expect(h.objective).toBeCloseTo(-2.8, 9);
    expect(j.objective).toBeCloseTo(-2.8, 9);
    expect(h.duals![0]).toBeCloseTo(-0.4, 9);
    expect(h.duals![1]).toBeCloseTo(-0.2, 9);
    await expect(solveLp(lp, { backend: 'networkSimplex' })).rejects.toThrow(InputError);
  });

  it('recognises a network written with flipped rows and shifted bounds', async () => {
    // x0: a->b, x1: b->c, written with row b negated; x1 >= 2; demand 5 at c, supply at a.
    const net: LpModel = {
      variables: [
        { lower: 0, upper: 10, cost: 1 },
        { lower: 2, upper: Infinity, cost: 3 },
      ],
      constraints: [
        { vars: [0], coefs: [1], sense: '<=', rhs: 8 }, // out of a <= 8
        { vars: [0, 1], coefs: [-1, 1], sense: '=', rhs: 0 }, // -(in - out) = 0 at b
        { vars: [1], coefs: [1], sense: '>=', rhs: 5 }, // in at c >= 5
      ],
    };
    expect(detectNetwork(net)).not.toBeNull();
    const a = await solveLp(net, { backend: 'networkSimplex' });
    const b = await solveLp(net, { backend: 'highs' });
    expect(a.status).toBe('optimal');
    expect(a.objective).toBeCloseTo(20, 9);
    expect(b.objective).toBeCloseTo(20, 9);
    for (let i = 0; i < 3; i++) expect(a.duals![i]).toBeCloseTo(b.duals![i], 9);
    for (let j = 0; j < 2; j++) expect(a.reducedCosts![j]).toBeCloseTo(b.reducedCosts![j], 9);
  });

  it('rejects bad models naming the field', async () => {
    const bad: LpModel = { variables: [{ lower: 0, upper: 1, cost: 1 }], constraints: [{ vars: [3], coefs: [1], sense: '<=', rhs: 1 }] };
    await expect(solveLp(bad)).rejects.toMatchObject({ name: 'InputError', field: '/constraints/0/vars/0' });
    const inverted: LpModel = { variables: [{ lower: 2, upper: 1, cost: 1 }], constraints: [] };
    await expect(solveLp(inverted)).rejects.toMatchObject({ field: '/variables/0/lower' });
    await expect(solveLp(lp, { backend: 'glpk' as never })).rejects.toMatchObject({ field: 'backend' });
  });
});

describe('javascript-lp-solver guard', () => {
  it('never reports a timed-out MIP as optimal, and never returns a fractional point', () => {
    // A facility MIP too big for these budgets: unguarded, the solver hands back a fractional point marked feasible.
    const built = buildFlowLp(facilityInstance(8, 30, createRng(3)), { strong: false });
    for (const budgetS of [0.001, 0.005]) {
      const r = solveWithJsLpSolver(built.model, { timeLimitS: budgetS });
      expect(r.status).toBe('timeLimit');
      if (r.values) {
        const c = checkSolution(built.model, r.values);
        expect(c.maxViolation).toBeLessThan(1e-6);
        expect(c.maxFractionality).toBeLessThan(1e-6);
      }
    }
  });
});

describe('stopping', () => {
  it('a cancelled HiGHS MIP reports timeLimit, never optimal', async () => {
    const built = buildFlowLp(facilityInstance(10, 50, createRng(1)));
    const ac = new AbortController();
    ac.abort();
    const r = await solveLp(built.model, { backend: 'highs', stop: { signal: ac.signal } });
    expect(r.status).toBe('timeLimit');
  });
});

describe('HiGHS runtime pool', () => {
  it('renews the runtime every N solves', async () => {
    const pool = new HighsPool({ renewEvery: 3 });
    const lp: LpModel = { variables: [{ lower: 0, upper: 5, cost: -1 }], constraints: [] };
    for (let k = 0; k < 7; k++) expect((await solveLp(lp, { backend: 'highs', highsPool: pool })).objective).toBe(-5);
    expect(pool.renewals).toBe(3);
  });

  it('replaces a runtime that aborts and retries the solve', async () => {
    let made = 0;
    const loader = async (): Promise<HighsRuntime> => {
      const rt = await defaultHighsLoader();
      made++;
      if (made > 1) return rt;
      // The first runtime aborts on its third model, as a worn-out WebAssembly instance does.
      let calls = 0;
      return new Proxy(rt, {
        get(target, prop, receiver) {
          if (prop === 'createModel') {
            return (...args: unknown[]) => {
              if (++calls >= 3) throw new Error('RuntimeError: Aborted(). Build with -sASSERTIONS for more info.');
              return (target.createModel as (...a: unknown[]) => unknown)(...args);
            };
          }
          return Reflect.get(target, prop, receiver);
        },
      });
    };
    const pool = new HighsPool({ renewEvery: 1000, loader });
    const lp: LpModel = { variables: [{ lower: 1, upper: 5, cost: 2 }], constraints: [] };
    for (let k = 0; k < 5; k++) expect((await solveLp(lp, { backend: 'highs', highsPool: pool })).objective).toBe(2);
    expect(pool.renewals).toBe(2);
  });
});
