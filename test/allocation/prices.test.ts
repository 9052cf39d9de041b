import { describe, expect, it } from 'vitest';
import { solveFlow } from '../../src/allocation/flow/solve.js';
import { capacityPriceRange, describeCapacityPrice, flowPrices, priceHoldsForOneMore } from '../../src/allocation/prices.js';
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

  it('says it in plain words, with the capacity range over which the price holds', async () => {
    const w = { unit: 'kg/day', currency: '¥', per: '/day' };
    const r = await solveFlow(HAND_DUALS, { backend: 'highs', ranging: true });
    const cap = flowPrices(HAND_DUALS, r.built, r.lp).capacities[0];
    expect(capacityPriceRange(cap)).toEqual({ from: 0, to: 30, holdsAbove: true, holdsBelow: true });
    expect(describeCapacityPrice(cap, w)).toBe('1 more kg/day at S->H saves ¥4/day (the price holds for a capacity from 0 to 30 kg/day; now 20)');
    // Without ranging (network simplex) the range is unknown, and said so; the price is then an upper bound.
    const ns = await solveFlow(HAND_DUALS, { backend: 'networkSimplex' });
    const nsCap = flowPrices(HAND_DUALS, ns.built, ns.lp).capacities[0];
    expect(capacityPriceRange(nsCap)).toBeNull();
    expect(describeCapacityPrice(nsCap, w)).toBe(
      '1 more kg/day at S->H saves at most ¥4/day (the range of capacity over which this price holds is unknown: this solve computed no sensitivity ranges)',
    );
  });

  it('a capacity that is full but whose price is zero: one more unit saves nothing (checked by re-solving)', async () => {
    // HAND_DUALS with S->H and H->D both at 30: all demand goes via H, both capacities are full.
    const cap30 = (a: (typeof HAND_DUALS.arcs)[number], c: number) => (a.to === 'H' || a.from === 'H' ? { ...a, capacity: c } : a);
    const inst = { ...HAND_DUALS, arcs: HAND_DUALS.arcs.map((a) => cap30(a, 30)) };
    const r = await solveFlow(inst, { backend: 'highs', ranging: true });
    const caps = flowPrices(inst, r.built, r.lp).capacities;
    const w = { unit: 'kg/day', currency: '¥', per: '/day' };
    const more = await solveFlow({ ...inst, arcs: HAND_DUALS.arcs.map((a) => cap30(a, 31)) }, { backend: 'highs' });
    expect(more.solution.objective).toBeCloseTo(r.solution.objective, 9);
    for (const c of caps) {
      expect(c.binding).toBe(true);
      // Whatever dual HiGHS picks at this degenerate optimum, the words never promise a saving above the re-solved one.
      if (c.savingPerUnit === 0) expect(describeCapacityPrice(c, w)).toBe(`${c.label} is full (30 of 30 kg/day used), but 1 more kg/day there saves nothing: another limit binds first`);
      else expect(describeCapacityPrice(c, w)).toContain('saves at most');
    }
  });

  it('a range that reaches less than one unit above the capacity: "at most", with enough decimals to show it', () => {
    const p = { label: 'the Zhengzhou hub', capacity: 3_100_000, used: 3_100_000, binding: true, savingPerUnit: 0.181, validFrom: 3_099_600, validTo: 3_100_400 };
    expect(priceHoldsForOneMore(p, 1000)).toBe(false);
    expect(describeCapacityPrice(p, { unit: 'tonne/day', currency: '¥', per: '/day', unitsPerModelUnit: 1000 })).toBe(
      '1 more tonne/day at the Zhengzhou hub saves at most ¥181/day: the price holds for a capacity from 3,099.6 to 3,100.4 tonne/day only (now 3,100); re-solve to see what more capacity saves',
    );
    expect(priceHoldsForOneMore({ ...p, validTo: 3_101_000 }, 1000)).toBe(true);
  });

  it('a range is unknown when it does not contain the current capacity', () => {
    const p = { label: 'L', capacity: 10, used: 10, binding: true, savingPerUnit: 2, validFrom: 12, validTo: 20 };
    expect(capacityPriceRange(p)).toBeNull();
    expect(capacityPriceRange({ ...p, validFrom: 5, validTo: 1e30 })).toEqual({ from: 5, to: Infinity, holdsAbove: true, holdsBelow: true });
    expect(describeCapacityPrice({ ...p, validFrom: 5, validTo: Infinity }, { unit: 't/day', currency: '¥' })).toBe(
      '1 more t/day at L saves ¥2 (the price holds for a capacity from 5 t/day upward; now 10)',
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
