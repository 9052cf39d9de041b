import { afterAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/shared/errors.js';
import { compare, compareScenarios, openStore } from '../../src/store/index.js';

describe('compare', () => {
  it('gives values, absolute and percentage differences for every numeric KPI', () => {
    const a = { kpis: { costPerParcelCny: 4, parcels: 1000, onTimePct: 0, label: 'x' } };
    const b = { kpis: { costPerParcelCny: 3, parcels: 1100, onTimePct: 5, extraKm: 12 } };
    expect(compare(a, b)).toEqual([
      { name: 'costPerParcelCny', a: 4, b: 3, diff: -1, diffPct: -25 },
      { name: 'parcels', a: 1000, b: 1100, diff: 100, diffPct: 10 },
      { name: 'onTimePct', a: 0, b: 5, diff: 5, diffPct: null },
      { name: 'extraKm', a: null, b: 12, diff: null, diffPct: null },
    ]);
  });

  it('uses |a| for the percentage of a negative baseline', () => {
    expect(compare({ kpis: { profitCny: -200 } }, { kpis: { profitCny: -100 } })[0].diffPct).toBe(50);
  });

  it('treats a result without kpis as empty', () => {
    expect(compare(null, { kpis: { a: 1 } })).toEqual([{ name: 'a', a: null, b: 1, diff: null, diffPct: null }]);
    expect(compare({ kpis: [1, 2] }, {})).toEqual([]);
  });
});

describe('compareScenarios', () => {
  const store = openStore({ file: ':memory:' });
  afterAll(() => store.close());

  it('compares the latest finished runs of two scenarios', async () => {
    const a = await store.createScenario({ name: 'baseline', kind: 'savings', inputs: {} });
    const b = await store.createScenario({ name: 'optimised', kind: 'savings', inputs: { lp: true } });
    const ra = await store.createRun(a.id);
    await store.finishRun(ra.id, { status: 'done', result: { kpis: { totalCny: 100 } } });
    const rb = await store.createRun(b.id);
    await store.finishRun(rb.id, { status: 'done', result: { kpis: { totalCny: 80 } } });
    const rb2 = await store.createRun(b.id);
    await store.finishRun(rb2.id, { status: 'failed', error: 'x' });
    const cmp = await compareScenarios(store, a.id, b.id);
    expect(cmp.a).toEqual({ scenarioId: a.id, name: 'baseline', runId: ra.id });
    expect(cmp.b.runId).toBe(rb.id);
    expect(cmp.kpis).toEqual([{ name: 'totalCny', a: 100, b: 80, diff: -20, diffPct: -20 }]);
  });

  it('names the side that is unknown or has no finished run', async () => {
    const a = await store.createScenario({ name: 'a', kind: 'savings', inputs: {} });
    const err = await compareScenarios(store, a.id, 'nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).field).toBe('a');
    const err2 = await compareScenarios(store, 'nope', a.id).catch((e: unknown) => e);
    expect((err2 as NotFoundError).field).toBe('a');
  });
});
