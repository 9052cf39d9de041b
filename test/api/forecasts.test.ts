import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/errors.js';
import forecastRoutes from '../../src/api/routes/forecasts.js';
import { ProblemSchema } from '../../src/api/schemas/common.js';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { FIXTURE_DIR, fixtureApp } from './helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await fixtureApp();
});
afterAll(() => app.close());

const post = (a: FastifyInstance, body: unknown) => a.inject({ method: 'POST', url: '/api/forecasts', payload: body as string });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('POST /api/forecasts', () => {
  it('answers a few cities at once, with totals that add up', async () => {
    const res = await post(app, { cities: ['a', 'Gamma'], horizonDays: 7, model: 'theta', levels: [50, 90], historyDays: 10 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.synthetic).toBe(true);
    expect(body.cities.map((c: { id: string }) => c.id)).toEqual(['a', 'c']);
    expect(body.dates).toHaveLength(17);
    const [a, c] = body.cities;
    expect(Object.keys(a.origin.forecast.intervals)).toEqual(['50', '90']);
    expect(a.origin.model).toMatch(/^theta/);
    expect(a.origin.backtest).toMatchObject({ level: 90, origins: 1 });
    for (let k = 0; k < 7; k++) {
      expect(body.national.destination.forecast.mean[k]).toBeCloseTo(a.destination.forecast.mean[k] + c.destination.forecast.mean[k], 6);
    }
    expect(body.provinces.map((p: { id: string }) => p.id)).toEqual(['P1', 'P2']);
  });

  it.each([
    [{ horizonDays: 0 }, 'horizonDays', 400],
    [{ horizonDays: 367 }, 'horizonDays', 400],
    [{ cities: ['a'] }, 'horizonDays', 400],
    [{ horizonDays: 7, cities: [] }, 'cities', 400],
    [{ horizonDays: 7, cities: ['a', 'b', 'c', 'Atlantis'] }, 'cities/3', 404],
    [{ horizonDays: 7, model: 'prophet' }, 'model', 400],
    [{ horizonDays: 7, levels: [80, 120] }, 'levels', 400],
    [{ horizonDays: 7, levels: [] }, 'levels', 400],
    [{ horizonDays: 7, colour: 'red' }, 'colour', 400],
  ])('%j → problem naming %s', async (body, field, status) => {
    const res = await post(app, body);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().field).toBe(field);
  });

  it('404 for an unknown job', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/forecasts/jobs/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().field).toBe('id');
  });
});

describe('forecast jobs', () => {
  let jobApp: FastifyInstance;
  beforeAll(async () => {
    // every request runs as a job (no synchronous budget)
    jobApp = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: false } } });
    jobApp.setErrorHandler(errorHandler);
    jobApp.addSchema(ProblemSchema);
    await jobApp.register(forecastRoutes, { prefix: '/api', network: new Network(loadNetworkData(FIXTURE_DIR)), syncSeriesLimit: 0 });
  });
  afterAll(() => jobApp.close());

  it('runs as a job: 202, progress, result; then answered from the cache', async () => {
    const body = { horizonDays: 5, model: 'ses' };
    const res = await post(jobApp, body);
    expect(res.statusCode).toBe(202);
    const { jobId, statusUrl, series } = res.json();
    expect(series).toBe(8);
    expect(res.headers.location).toBe(statusUrl);
    // the same request joins the running job
    expect((await post(jobApp, body)).json().jobId).toBe(jobId);
    let job;
    for (let i = 0; i < 200; i++) {
      job = (await jobApp.inject({ method: 'GET', url: statusUrl })).json();
      if (job.status !== 'queued' && job.status !== 'running') break;
      await sleep(50);
    }
    expect(job.status).toBe('done');
    expect(job.progress.fraction).toBeGreaterThan(0);
    expect(job.result.cities).toHaveLength(4);
    expect(job.result.national.cities).toBe(4);
    const again = await post(jobApp, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().cities[0].origin.forecast).toEqual(job.result.cities[0].origin.forecast);
  }, 20_000);

  it('cancels a job with DELETE', async () => {
    const res = await post(jobApp, { horizonDays: 60, model: 'auto', seed: 2 });
    expect(res.statusCode).toBe(202);
    const del = await jobApp.inject({ method: 'DELETE', url: res.json().statusUrl });
    expect(del.statusCode).toBe(200);
    expect(del.json().status).toBe('cancelled');
    expect(del.json().result).toBeUndefined();
  }, 20_000);
});
