import { describe, expect, it } from 'vitest';
import { buildFlowLp } from '../../src/allocation/flow/build.js';
import { solveFlow } from '../../src/allocation/flow/solve.js';
import { InputError } from '../../src/shared/errors.js';
import { BACKENDS } from '../../src/allocation/solve.js';
import { HAND_TRANSPORT, SHORT_CAPACITY } from './fixtures.js';

const flowOf = (flows: { from: string; to: string; flow: number }[], from: string, to: string): number =>
  flows.filter((f) => f.from === from && f.to === to).reduce((s, f) => s + f.flow, 0);

describe('solveFlow', () => {
  for (const backend of BACKENDS) {
    it(`solves the hand transportation problem with ${backend}`, async () => {
      const r = await solveFlow(HAND_TRANSPORT, { backend });
      expect(r.status).toBe('optimal');
      expect(r.solution.objective).toBeCloseTo(145, 9);
      const f = r.solution.flows;
      expect(flowOf(f, 'B', 'Y')).toBeCloseTo(25, 9);
      expect(flowOf(f, 'A', 'Z')).toBeCloseTo(15, 9);
      expect(flowOf(f, 'A', 'X')).toBeCloseTo(15, 9);
      expect(flowOf(f, 'B', 'X')).toBeCloseTo(5, 9);
    });
  }

  it('auto picks the network simplex for a pure network', async () => {
    const r = await solveFlow(HAND_TRANSPORT);
    expect(r.lp.backend).toBe('networkSimplex');
  });

  for (const backend of BACKENDS) {
    it(`reports an over-constrained instance as infeasible, and with a penalty names the unmet demand (${backend})`, async () => {
      const bare = await solveFlow(SHORT_CAPACITY, { backend });
      expect(bare.status).toBe('infeasible');
      expect(bare.solution.flows).toEqual([]);
      const r = await solveFlow(SHORT_CAPACITY, { backend, unmetPenalty: 100 });
      expect(r.status).toBe('optimal');
      expect(r.solution.objective).toBeCloseTo(2060, 9);
      expect(r.solution.unmet).toEqual([{ node: 'D', amount: expect.closeTo(20, 9) }]);
    });
  }

  it('solves a facility MIP: opens the hub only when it pays (highs and jsLpSolver agree)', async () => {
    // Two hubs; H1 is close but costs 100 to open, H2 is far (5/unit more) and costs 10.
    // Demand 30: via H1 = 100 + 30*2 = 160; via H2 = 10 + 30*7 = 220. Open H1.
    const inst = {
      nodes: [
        { id: 'src', supply: 100 },
        { id: 'H1', supply: 0 },
        { id: 'H2', supply: 0 },
        { id: 'C', supply: -30 },
      ],
      arcs: [
        { from: 'src', to: 'H1', costPerUnit: 1, capacity: 50, fixedCost: 100 },
        { from: 'src', to: 'H2', costPerUnit: 1, capacity: 50, fixedCost: 10 },
        { from: 'H1', to: 'C', costPerUnit: 1 },
        { from: 'H2', to: 'C', costPerUnit: 6 },
      ],
    };
    for (const backend of ['highs', 'jsLpSolver'] as const) {
      const r = await solveFlow(inst, { backend });
      expect(r.status).toBe('optimal');
      expect(r.solution.objective).toBeCloseTo(160, 9);
      expect(r.solution.open).toEqual([{ from: 'src', to: 'H1' }]);
    }
    await expect(solveFlow(inst, { backend: 'networkSimplex' })).rejects.toThrow(InputError);
  });

  it('builds the strong facility formulation: one link row per hub-city arc', () => {
    const inst = {
      nodes: [
        { id: 's', supply: 10 },
        { id: 'h', supply: 0 },
        { id: 'c1', supply: -3 },
        { id: 'c2', supply: -4 },
      ],
      arcs: [
        { from: 's', to: 'h', costPerUnit: 0, capacity: 5, fixedCost: 9 },
        { from: 'h', to: 'c1', costPerUnit: 1 },
        { from: 'h', to: 'c2', costPerUnit: 1 },
      ],
    };
    const strong = buildFlowLp(inst);
    const weak = buildFlowLp(inst, { strong: false });
    expect(weak.model.constraints.length).toBe(4 + 1);
    expect(strong.model.constraints.length).toBe(4 + 1 + 2);
    // x_{h,c1} <= min(5, 3) y ; x_{h,c2} <= min(5, 4) y ; and the main link x <= 5 y.
    const links = strong.model.constraints.slice(4).map((c) => c.coefs[1]);
    expect(links).toEqual([-5, -3, -4]);
  });
});

describe('flow instance validation', () => {
  const base = () => structuredClone(HAND_TRANSPORT);
  it('rejects a negative capacity naming the field', () => {
    const inst = base();
    inst.arcs[2].capacity = -1;
    expect(() => buildFlowLp(inst)).toThrow(InputError);
    try {
      buildFlowLp(inst);
    } catch (e) {
      expect((e as InputError).field).toBe('/arcs/2/capacity');
    }
  });
  it('rejects an unknown node naming the field', () => {
    const inst = base();
    inst.arcs[4].to = 'Wuhan';
    try {
      buildFlowLp(inst);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe('/arcs/4/to');
      expect((e as Error).message).toContain('Wuhan');
    }
  });
  it('rejects a duplicate node id and a non-finite supply', () => {
    const dup = base();
    dup.nodes[1].id = 'A';
    expect(() => buildFlowLp(dup)).toThrow(/duplicate/);
    const bad = base();
    bad.nodes[0].supply = Number.NaN;
    try {
      buildFlowLp(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).field).toBe('/nodes/0/supply');
    }
  });
});

describe('fixedChargeStart (MIP start by local search over open arcs)', () => {
  it('finds a feasible point, and the optimum on a small facility problem', async () => {
    const { facilityInstance } = await import('../../src/allocation/bench/generate.js');
    const { createRng } = await import('../../src/shared/random.js');
    const { fixedChargeStart } = await import('../../src/allocation/flow/fixed-charge-start.js');
    const { checkSolution } = await import('../../src/allocation/lp/check.js');
    const inst = facilityInstance(5, 20, createRng(11));
    const built = buildFlowLp(inst);
    const start = fixedChargeStart(built)!;
    const c = checkSolution(built.model, start.values);
    expect(c.maxViolation).toBeLessThan(1e-9);
    expect(c.maxFractionality).toBe(0);
    const exact = await solveFlow(inst, { backend: 'highs', localSearchStart: false });
    expect(start.objective).toBeGreaterThanOrEqual(exact.solution.objective - 1e-6);
    expect(start.objective).toBeCloseTo(exact.solution.objective, 6);
    const started = await solveFlow(inst, { backend: 'highs' });
    expect(started.solution.objective).toBeCloseTo(exact.solution.objective, 6);
    expect(started.lp.gap).toBe(0);
  });
});

describe('facilityLagrangian', () => {
  it('bounds the facility optimum from below and declines other structures', async () => {
    const { facilityInstance } = await import('../../src/allocation/bench/generate.js');
    const { createRng } = await import('../../src/shared/random.js');
    const { facilityLagrangian } = await import('../../src/allocation/flow/lagrangian-facility.js');
    const inst = facilityInstance(6, 25, createRng(5));
    const built = buildFlowLp(inst);
    const lag = facilityLagrangian(built)!;
    const exact = await solveFlow(inst, { backend: 'highs', localSearchStart: false });
    expect(lag.lowerBound).toBeLessThanOrEqual(exact.solution.objective + 1e-6);
    expect(lag.lowerBound).toBeGreaterThan(0.9 * exact.solution.objective);
    expect(lag.candidates.length).toBeGreaterThan(0);
    // A fixed-cost lane straight to a sink is not the facility structure.
    const lane = buildFlowLp({
      nodes: [
        { id: 's', supply: 5 },
        { id: 'd', supply: -5 },
      ],
      arcs: [{ from: 's', to: 'd', costPerUnit: 1, capacity: 9, fixedCost: 3 }],
    });
    expect(facilityLagrangian(lane)).toBeNull();
  });
});
