import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisApp, pollUntil, TINY } from './analysis-helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await analysisApp();
});
afterAll(() => app.close());

const post = (body: unknown) => app.inject({ method: 'POST', url: '/api/flywheel', payload: body as object });
type Job = { id: string; status: string; progress: { fraction?: number } | null; result?: Record<string, any>; error?: { name: string } };
const finished = (j: Job) => ['done', 'failed', 'cancelled'].includes(j.status);

describe('POST /api/flywheel', () => {
  it('runs as a job: 202, progress, then the report with periods, attribution, assumptions, bands and kpis', async () => {
    const res = await post({ periods: 3, seed: 1, seeds: 2, cities: 4, params: TINY });
    expect(res.statusCode).toBe(202);
    const { jobId, statusUrl } = res.json();
    expect(statusUrl).toBe(`/api/flywheel/jobs/${jobId}`);
    expect(res.headers.location).toBe(statusUrl);
    const job = await pollUntil<Job>(app, statusUrl, finished);
    expect(job.status).toBe('done');
    expect(job.progress?.fraction).toBe(1);
    const r = job.result!;
    expect(r.synthetic).toBe(true);
    expect(r.seeds).toEqual([1, 2]);
    expect(r.periods.map((p: { period: number }) => p.period)).toEqual([1, 2, 3]);
    for (const p of r.periods) {
      for (const k of ['merchants', 'parcels', 'forecastErrorPct', 'costPerParcelBaselineCny', 'costPerParcelOptimisedCny', 'priceCny', 'cumulativeSavingsCny']) expect(typeof p[k]).toBe('number');
    }
    const a = r.attribution;
    expect(a.forecastingCny + a.allocationCny + a.routingCny).toBeCloseTo(a.totalCny, 6);
    expect(a.totalCny).toBeCloseTo(r.periods[2].cumulativeSavingsCny, 6);
    expect(r.bands).toHaveLength(3);
    for (const b of r.bands) expect(b.merchants.min).toBeLessThanOrEqual(b.merchants.max);
    expect(r.attributionBySeed.map((x: { seed: number }) => x.seed)).toEqual([1, 2]);
    expect(r.assumptions.table.length).toBeGreaterThan(10);
    expect(r.kpis.cumulativeSavingsCny).toBeCloseTo(r.periods[2].cumulativeSavingsCny, 6);
    expect(r.kpis.merchantsEnd).toBe(r.periods[2].merchants);
    const parcels = r.periods.reduce((s: number, p: { parcels: number }) => s + p.parcels, 0);
    expect(r.kpis.parcels).toBe(parcels);
  });

  it('cancels a running job', async () => {
    const res = await post({ periods: 104, cities: 4, params: TINY });
    expect(res.statusCode).toBe(202);
    const { statusUrl } = res.json();
    await pollUntil<Job>(app, statusUrl, (j) => j.status === 'running' && (j.progress?.fraction ?? 0) > 0);
    const del = await app.inject({ method: 'DELETE', url: statusUrl });
    expect(del.statusCode).toBe(200);
    expect(del.json().status).toBe('cancelled');
    const after = (await app.inject({ method: 'GET', url: statusUrl })).json();
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeUndefined();
  });

  it.each([
    [{ periods: -3, cities: 4 }, 'periods'],
    [{ periods: 0, cities: 4 }, 'periods'],
    [{ periods: 105, cities: 4 }, 'periods'],
    [{ periods: 2.5, cities: 4 }, 'periods'],
    [{ cities: 4 }, 'periods'],
    [{ periods: 2, cities: 4, seeds: 6 }, 'seeds'],
    [{ periods: 2, cities: 4, params: { bogus: 1 } }, 'params.bogus'],
    [{ periods: 2, cities: 4, params: { elasticity: -1 } }, 'params.elasticity'],
    [{ periods: 2, cities: 1 }, 'cities'],
    [{ periods: 2, cities: 4, params: { cities: 3 } }, 'cities'],
    [{ periods: 2 }, 'params.cities'],
    [{ periods: 2, cities: 4, off: ['routing', 'magic'] }, 'off.1'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it('404 for an unknown job, on GET and DELETE', async () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/flywheel/jobs/nope' });
      expect(res.statusCode).toBe(404);
      expect(res.json().field).toBe('id');
    }
  });
});
