import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { analysisApp, pollUntil, TINY } from './analysis-helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await analysisApp();
});
afterAll(() => app.close());

type Run = { id: string; status: string; progress: number; jobId: string | null };
type Detail = { scenario: { id: string; name: string; seed: number; inputs: object }; runs: Run[]; latestResult: { runId: string; result: { kpis: Record<string, number> } } | null };

const create = (a: FastifyInstance, body: unknown) => a.inject({ method: 'POST', url: '/api/scenarios', payload: body as object });
const runDone = (runId: string) => (d: Detail) => d.runs.some((r) => r.id === runId && ['done', 'failed', 'cancelled'].includes(r.status));
const flywheelInputs = { periods: 2, cities: 4, params: TINY };

describe('scenarios', () => {
  let first: string;
  let second: string;

  it('POST stores the scenario and starts a run; GET shows the runs and the latest result', async () => {
    const res = await create(app, { name: 'base', kind: 'flywheel', inputs: flywheelInputs, seed: 3 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.scenario).toMatchObject({ name: 'base', kind: 'flywheel', seed: 3, inputs: flywheelInputs });
    expect(body.runId).toBe(body.run.id);
    expect(body.run.jobId).toEqual(expect.any(String));
    first = body.scenarioId;
    const d = await pollUntil<Detail>(app, `/api/scenarios/${first}`, runDone(body.runId));
    expect(d.runs[0].status).toBe('done');
    expect(d.runs[0].progress).toBe(1);
    expect(d.latestResult?.runId).toBe(body.runId);
    const k = d.latestResult!.result.kpis;
    for (const name of ['costPerParcelBaselineCny', 'costPerParcelOptimisedCny', 'savingPct', 'cumulativeSavingsCny', 'merchantsEnd', 'forecastErrorPctMean']) expect(Number.isFinite(k[name])).toBe(true);
  });

  it('a run repeats from the stored inputs and seed', async () => {
    const before = (await app.inject({ method: 'GET', url: `/api/scenarios/${first}` })).json() as Detail;
    const res = await app.inject({ method: 'POST', url: `/api/scenarios/${first}/runs` });
    expect(res.statusCode).toBe(202);
    const { runId } = res.json();
    const after = await pollUntil<Detail>(app, `/api/scenarios/${first}`, runDone(runId));
    expect(after.runs).toHaveLength(2);
    expect(after.latestResult?.runId).toBe(runId);
    expect(after.latestResult!.result.kpis).toEqual(before.latestResult!.result.kpis);
  });

  it('compares two scenarios KPI by KPI (b − a)', async () => {
    const res = await create(app, { name: 'one week, no routing', kind: 'savings', inputs: { cities: 4, params: TINY, off: ['routing'] }, seed: 3 });
    expect(res.statusCode).toBe(201);
    second = res.json().scenarioId;
    await pollUntil<Detail>(app, `/api/scenarios/${second}`, runDone(res.json().runId));
    const cmp = await app.inject({ method: 'GET', url: `/api/scenarios/compare?a=${first}&b=${second}` });
    expect(cmp.statusCode).toBe(200);
    const c = cmp.json();
    expect(c.a.scenarioId).toBe(first);
    expect(c.b.name).toBe('one week, no routing');
    const byName = Object.fromEntries(c.kpis.map((k: { name: string }) => [k.name, k]));
    expect(byName.routingCny.b).toBe(0);
    for (const k of c.kpis) expect(k.diff).toBeCloseTo(k.b - k.a, 9);
  });

  it('lists scenarios newest first, paged, with their newest run', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/scenarios?limit=1' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].id).toBe(second);
    expect(page.items[0].latestRun.status).toBe('done');
    const kind = (await app.inject({ method: 'GET', url: '/api/scenarios?kind=flywheel' })).json();
    expect(kind.items.map((s: { id: string }) => s.id)).toEqual([first]);
    const next = (await app.inject({ method: 'GET', url: '/api/scenarios?limit=1&offset=1' })).json();
    expect(next.items.map((s: { id: string }) => s.id)).toEqual([first]);
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'offset=-1']) {
      const bad = await app.inject({ method: 'GET', url: `/api/scenarios?${q}` });
      expect(bad.statusCode, q).toBe(400);
      expect(bad.json().field).toBe(q.split('=')[0]);
    }
  });

  it.each([
    [{ name: 'x', kind: 'vrp', inputs: {} }, 'kind'],
    [{ name: 'x', kind: 'flywheel', inputs: { ...flywheelInputs, periods: -1 } }, 'inputs.periods'],
    [{ name: 'x', kind: 'flywheel', inputs: { ...flywheelInputs, seed: 2 } }, 'inputs.seed'],
    [{ name: 'x', kind: 'flywheel', inputs: { ...flywheelInputs, params: { bogus: 1 } } }, 'inputs.params.bogus'],
    [{ name: 'x', kind: 'savings', inputs: { cities: 4, week: 0 } }, 'inputs.week'],
    [{ name: '', kind: 'flywheel', inputs: flywheelInputs }, 'name'],
    [{ name: '   ', kind: 'flywheel', inputs: flywheelInputs }, 'name'],
    [{ name: 'x', kind: 'flywheel', inputs: flywheelInputs, seed: -1 }, 'seed'],
    [{ kind: 'flywheel', inputs: flywheelInputs }, 'name'],
  ])('%j → 400 naming %s, nothing stored', async (body, field) => {
    const res = await create(app, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect((await app.inject({ method: 'GET', url: '/api/scenarios' })).json().total).toBe(2);
  });

  it('404 for unknown ids; 400 for a compare without b', async () => {
    for (const [method, url] of [
      ['GET', '/api/scenarios/nope'],
      ['DELETE', '/api/scenarios/nope'],
      ['POST', '/api/scenarios/nope/runs'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().field).toBe('id');
    }
    const cmp = await app.inject({ method: 'GET', url: `/api/scenarios/compare?a=${first}&b=nope` });
    expect(cmp.statusCode).toBe(404);
    expect(cmp.json().field).toBe('b');
    const missing = await app.inject({ method: 'GET', url: `/api/scenarios/compare?a=${first}` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('b');
  });

  it('DELETE removes the scenario and its runs', async () => {
    const res = await app.inject({ method: 'DELETE', url: `/api/scenarios/${second}` });
    expect(res.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${second}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/scenarios' })).json().total).toBe(1);
  });

  it('DELETE of a scenario still running cancels its job', async () => {
    const res = await create(app, { name: 'long', kind: 'flywheel', inputs: { ...flywheelInputs, periods: 104 } });
    const { scenarioId, run } = res.json();
    await pollUntil<Detail>(app, `/api/scenarios/${scenarioId}`, (d) => d.runs[0].status === 'running');
    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${scenarioId}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${scenarioId}` })).statusCode).toBe(404);
    const jobs = await app.inject({ method: 'GET', url: `/api/flywheel/jobs/${run.jobId}` });
    expect(jobs.json().status).toBe('cancelled');
  });
});

describe('scenarios on disk', () => {
  it('keep across app restarts; a run stopped by closing the app is recorded as cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubflow-api-scenarios-'));
    try {
      const a = await analysisApp(dir);
      const res = await create(a, { name: 'long', kind: 'flywheel', inputs: { ...flywheelInputs, periods: 104 } });
      expect(res.statusCode).toBe(201);
      const { scenarioId, runId } = res.json();
      await a.close();

      const b = await analysisApp(dir);
      try {
        const d = (await b.inject({ method: 'GET', url: `/api/scenarios/${scenarioId}` })).json() as Detail;
        expect(d.scenario.name).toBe('long');
        expect(d.runs.map((r) => [r.id, r.status])).toEqual([[runId, 'cancelled']]);
        expect(d.latestResult).toBeNull();
      } finally {
        await b.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run left unfinished by a crashed server is shown as failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubflow-api-scenarios-'));
    try {
      const store = openStore({ dir });
      const s = await store.createScenario({ name: 'orphan', kind: 'flywheel', inputs: flywheelInputs, seed: 1 });
      const run = await store.createRun(s.id, { jobId: 'job-of-a-dead-process' });
      await store.updateRunProgress(run.id, 0.4);
      await store.close();
      const a = await analysisApp(dir);
      try {
        const d = (await a.inject({ method: 'GET', url: `/api/scenarios/${s.id}` })).json() as Detail & { runs: { error: string }[] };
        expect(d.runs[0]).toMatchObject({ id: run.id, status: 'failed', error: expect.stringMatching(/interrupted/) });
      } finally {
        await a.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
