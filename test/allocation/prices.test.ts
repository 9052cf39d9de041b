import { describe, expect, it } from 'vitest';
import { solveFlow } from '../../src/allocation/flow/solve.js';
import { describeCapacityPrice, flowPrices } from '../../src/allocation/prices.js';
import { InputError } from '../../src/shared/errors.js';
import { HAND_DUALS, HAND_TRANSPORT } from './fixtures.js';

describe('capacity prices', () => {
  for (const backend of ['highs', 'networkSimplex'] as const) {
    it(`gives the hand-known prices with ${backend}`, async () => {
      const r = await solveFlow(HAND_DUALS, { backend, ranging: backend === 'highs' });
      expect(r.status).toBe('optimal');
      expect(r.solution.objective).toBeCloseTo(220, 9);
      // Node prices: rows are `in - out`; D's dual is the cost of one more unit demanded there.
      expect(r.lp.duals![2]).toBeCloseTo(10, 9);
      expect(r.lp.duals![1]).toBeCloseTo(7, 9);
      const p = flowPrices(HAND_DUALS, r.built, r.lp);
      expect(p.capacities).toHaveLength(1);
      const cap = p.capacities[0];
      expect(cap.label).toBe('S->H');
      expect(cap.binding).toBe(true);
      expect(cap.savingPerUnit).toBeCloseTo(4, 9);
      if (backend === 'highs') {
        expect(cap.validFrom).toBeCloseTo(0, 9);
        expect(cap.validTo).toBeCloseTo(30, 9);
      }
      expect(p.unused).toEqual([{ label: 'S->D', mustFallBy: expect.closeTo(2, 9), breakEvenCost: expect.closeTo(10, 9) }]);
    });
  }

  it('agrees between backends on the hand transportation problem (unique duals)', async () => {
    const a = await solveFlow(HAND_TRANSPORT, { backend: 'networkSimplex' });
    const b = await solveFlow(HAND_TRANSPORT, { backend: 'highs' });
    // Rows: A, B (sources, in - out >= -supply), X, Y, Z.
    const expected = [1, 0, 3, 1, 6];
    expected.forEach((d, i) => {
      expect(a.lp.duals![i]).toBeCloseTo(d, 9);
      expect(b.lp.duals![i]).toBeCloseTo(d, 9);
    });
  });

  it('says it in plain words', async () => {
    const r = await solveFlow(HAND_DUALS, { backend: 'highs', ranging: true });
    const cap = flowPrices(HAND_DUALS, r.built, r.lp).capacities[0];
    expect(describeCapacityPrice(cap, { unit: 'kg/day', currency: '¥', per: '/day' })).toBe(
      '1 more kg/day at S->H saves ¥4/day (holds up to 30 kg/day)',
    );
  });

  it('refuses prices from a result without duals', async () => {
    const r = await solveFlow(HAND_DUALS, { backend: 'jsLpSolver' });
    expect(() => flowPrices(HAND_DUALS, r.built, r.lp)).toThrow(InputError);
  });

  it('network simplex and HiGHS give the same capacity prices on a hub network', async () => {
    const { transshipInstance } = await import('../../src/allocation/bench/generate.js');
    const { createRng } = await import('../../src/shared/random.js');
    const inst = transshipInstance(10, 50, createRng(1));
    const a = await solveFlow(inst, { backend: 'networkSimplex' });
    const b = await solveFlow(inst, { backend: 'highs' });
    const pa = flowPrices(inst, a.built, a.lp);
    const pb = flowPrices(inst, b.built, b.lp);
    expect(pa.capacities.filter((p) => p.binding && p.savingPerUnit > 0).length).toBeGreaterThan(0);
    pa.capacities.forEach((p, i) => expect(p.savingPerUnit).toBeCloseTo(pb.capacities[i].savingPerUnit, 6));
    expect(pa.unused.map((u) => u.label)).toEqual(pb.unused.map((u) => u.label));
  });
});
