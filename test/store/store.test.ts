import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/shared/errors.js';
import { openStore, type SqliteScenarioStore } from '../../src/store/index.js';

let store: SqliteScenarioStore;
let tick = 0;
// A clock that advances 1 s per call, so ordering by time is deterministic.
const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

beforeEach(() => {
  store = openStore({ file: ':memory:', now });
  tick = 0; // migrations read the clock too
});
afterEach(() => store.close());

const inputs = { periods: 52, hubCapacities: { SHA: 1200.5 }, closedLanes: ['SHA-PEK'], fleet: [{ capacityKg: 1000, count: 3 }] };

describe('scenarios', () => {
  it('round-trips a scenario exactly', async () => {
    const s = await store.createScenario({ name: '  Base case ', kind: 'flywheel', inputs, seed: 7 });
    expect(s.name).toBe('Base case');
    expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.createdAt).toBe('2026-01-01T00:00:00.000Z');
    const back = await store.getScenario(s.id);
    expect(back).toEqual(s);
    expect(back.inputs).toEqual(inputs);
    expect(back.seed).toBe(7);
  });

  it('defaults the seed to 1', async () => {
    const s = await store.createScenario({ name: 'x', kind: 'vrp', inputs: {} });
    expect(s.seed).toBe(1);
  });

  it('lists newest first, paged and filtered by kind', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await store.createScenario({ name: `s${i}`, kind: i % 2 ? 'vrp' : 'savings', inputs: { i } }));
    }
    const page1 = await store.listScenarios({ limit: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((s) => s.name)).toEqual(['s4', 's3']);
    const page3 = await store.listScenarios({ limit: 2, offset: 4 });
    expect(page3.items.map((s) => s.name)).toEqual(['s0']);
    const vrp = await store.listScenarios({ kind: 'vrp' });
    expect(vrp.total).toBe(2);
    expect(vrp.items.map((s) => s.name)).toEqual(['s3', 's1']);
    expect(vrp.limit).toBe(50);
  });

  it('renames and bumps updatedAt, keeping inputs', async () => {
    const s = await store.createScenario({ name: 'old', kind: 'allocation', inputs });
    const r = await store.renameScenario(s.id, 'new');
    expect(r.name).toBe('new');
    expect(r.inputs).toEqual(inputs);
    expect(r.updatedAt > s.updatedAt).toBe(true);
    expect(r.createdAt).toBe(s.createdAt);
  });

  it('deletes a scenario together with its runs', async () => {
    const s = await store.createScenario({ name: 'a', kind: 'flywheel', inputs });
    const keep = await store.createScenario({ name: 'b', kind: 'flywheel', inputs });
    const r1 = await store.createRun(s.id);
    const r2 = await store.createRun(keep.id);
    await store.deleteScenario(s.id);
    await expect(store.getScenario(s.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getRun(r1.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await store.getRun(r2.id)).scenarioId).toBe(keep.id);
    const n = store.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number };
    expect(n.n).toBe(1);
  });

  it('rejects bad input with an InputError naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: '   ', kind: 'vrp', inputs: {} }, 'name'],
      [{ name: 7, kind: 'vrp', inputs: {} }, 'name'],
      [{ name: 'x', kind: 'teleport', inputs: {} }, 'kind'],
      [{ name: 'x', kind: 'vrp', inputs: [1, 2] }, 'inputs'],
      [{ name: 'x', kind: 'vrp', inputs: 'text' }, 'inputs'],
      [{ name: 'x', kind: 'vrp', inputs: null }, 'inputs'],
      [{ name: 'x', kind: 'vrp', inputs: { a: { b: [1, Number.NaN] } } }, '/inputs/a/b/1'],
      [{ name: 'x', kind: 'vrp', inputs: {}, seed: -1 }, 'seed'],
      [{ name: 'x', kind: 'vrp', inputs: {}, seed: 1.5 }, 'seed'],
    ];
    for (const [input, field] of cases) {
      const err = await store.createScenario(input as never).catch((e: unknown) => e);
      expect(err, JSON.stringify(input)).toBeInstanceOf(InputError);
      expect((err as InputError).field).toBe(field);
    }
    await expect(store.listScenarios({ limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    await expect(store.listScenarios({ kind: 'nope' })).rejects.toMatchObject({ field: 'kind' });
    expect((await store.listScenarios()).total).toBe(0);
  });

  it('throws NotFoundError for unknown ids', async () => {
    await expect(store.getScenario('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.renameScenario('missing', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.deleteScenario('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.createRun('missing')).rejects.toMatchObject({ name: 'NotFoundError', field: 'scenarioId' });
    await expect(store.getRun('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.listRuns('missing')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('runs', () => {
  it('goes queued → running → done, and the result round-trips', async () => {
    const s = await store.createScenario({ name: 'a', kind: 'savings', inputs });
    const r = await store.createRun(s.id);
    expect(r).toMatchObject({ status: 'queued', progress: 0, result: null, jobId: null, startedAt: null, finishedAt: null });
    expect((await store.createRun(s.id, { jobId: 'job-1' })).jobId).toBe('job-1');
    await expect(store.createRun(s.id, { jobId: '' })).rejects.toMatchObject({ field: 'jobId' });
    const p1 = await store.updateRunProgress(r.id, 0.25);
    expect(p1.status).toBe('running');
    expect(p1.startedAt).not.toBeNull();
    const p2 = await store.updateRunProgress(r.id, 0.5);
    expect(p2.startedAt).toBe(p1.startedAt);
    const result = { kpis: { costCny: 1234.5, parcels: 10 }, periods: [{ period: 1 }] };
    const done = await store.finishRun(r.id, { status: 'done', result });
    expect(done).toMatchObject({ status: 'done', progress: 1, result, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(await store.getRun(r.id)).toEqual(done);
  });

  it('refuses to change a finished run', async () => {
    const s = await store.createScenario({ name: 'a', kind: 'savings', inputs });
    const r = await store.createRun(s.id);
    await store.finishRun(r.id, { status: 'failed', error: 'boom' });
    await expect(store.finishRun(r.id, { status: 'done', result: {} })).rejects.toMatchObject({ field: 'status' });
    await expect(store.updateRunProgress(r.id, 0.1)).rejects.toBeInstanceOf(InputError);
    expect((await store.getRun(r.id)).error).toBe('boom');
  });

  it('validates progress and outcomes', async () => {
    const s = await store.createScenario({ name: 'a', kind: 'savings', inputs });
    const r = await store.createRun(s.id);
    await expect(store.updateRunProgress(r.id, 1.5)).rejects.toMatchObject({ field: 'progress' });
    await expect(store.finishRun(r.id, { status: 'failed', error: '' })).rejects.toMatchObject({ field: 'error' });
    await expect(store.finishRun(r.id, { status: 'done', result: 3 })).rejects.toMatchObject({ field: 'result' });
    await expect(store.finishRun(r.id, { status: 'running' } as never)).rejects.toMatchObject({ field: 'status' });
    expect((await store.getRun(r.id)).status).toBe('queued');
  });

  it('lists runs newest first and finds the latest finished one', async () => {
    const s = await store.createScenario({ name: 'a', kind: 'savings', inputs });
    const r1 = await store.createRun(s.id);
    await store.finishRun(r1.id, { status: 'done', result: { kpis: { x: 1 } } });
    const r2 = await store.createRun(s.id);
    await store.finishRun(r2.id, { status: 'done', result: { kpis: { x: 2 } } });
    const r3 = await store.createRun(s.id);
    await store.finishRun(r3.id, { status: 'cancelled' });
    const page = await store.listRuns(s.id, { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.id)).toEqual([r3.id, r2.id]);
    expect((await store.latestRun(s.id))?.id).toBe(r2.id);
    expect((await store.latestRun(s.id, 'cancelled'))?.id).toBe(r3.id);
    expect(await store.latestRun(s.id, 'running')).toBeUndefined();
  });
});
