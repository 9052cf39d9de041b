// POST /api/scenarios with fromJob: a finished flywheel job of the same inputs and seed is stored as
// the scenario's first run (no second run), anything else is refused naming `fromJob`.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisApp, pollUntil, TINY } from './analysis-helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await analysisApp();
});
afterAll(() => app.close());

type Job = { status: string; result?: { kpis: Record<string, number>; periods: unknown[] } };
const inputs = { periods: 2, cities: 4, seeds: 1, params: { ...TINY, margin: 0.12 } };

describe('scenarios from a finished flywheel job', () => {
  let jobId: string;
  let job: Job;

  beforeAll(async () => {
    const res = await app.inject({ method: 'POST', url: '/api/flywheel', payload: { ...inputs, seed: 3 } });
    expect(res.statusCode).toBe(202);
    jobId = res.json().jobId;
    job = await pollUntil<Job>(app, `/api/flywheel/jobs/${jobId}`, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(job.status).toBe('done');
  });

  it('stores the job report as a done run at once, equal to the job result', async () => {
    // The same inputs with the keys in another order are the same request.
    const reordered = { params: { margin: 0.12, ...TINY }, seeds: 1, cities: 4, periods: 2 };
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'kept', kind: 'flywheel', inputs: reordered, seed: 3, fromJob: jobId } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.run.status).toBe('done');
    expect(body.run.jobId).toBe(jobId);
    const d = (await app.inject({ method: 'GET', url: `/api/scenarios/${body.scenarioId}` })).json();
    expect(d.runs).toHaveLength(1);
    expect(d.latestResult.result.kpis).toEqual(job.result!.kpis);
    expect(d.latestResult.result.periods).toHaveLength(2);
  });

  it('refuses a job of other inputs or another seed (400), an unknown job (404), and savings scenarios (400)', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/scenarios', payload });
    const before = (await app.inject({ method: 'GET', url: '/api/scenarios' })).json().total;
    const seed = await post({ name: 'x', kind: 'flywheel', inputs, seed: 4, fromJob: jobId });
    expect(seed.statusCode).toBe(400);
    expect(seed.json().field).toBe('fromJob');
    const other = await post({ name: 'x', kind: 'flywheel', inputs: { ...inputs, periods: 3 }, seed: 3, fromJob: jobId });
    expect(other.statusCode).toBe(400);
    expect(other.json().field).toBe('fromJob');
    const unknown = await post({ name: 'x', kind: 'flywheel', inputs, seed: 3, fromJob: 'no-such-job' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().field).toBe('fromJob');
    const savings = await post({ name: 'x', kind: 'savings', inputs: { cities: 4, params: TINY }, seed: 3, fromJob: jobId });
    expect(savings.statusCode).toBe(400);
    expect(savings.json().field).toBe('fromJob');
    // Nothing was stored by the refused requests.
    expect((await app.inject({ method: 'GET', url: '/api/scenarios' })).json().total).toBe(before);
  });
});
