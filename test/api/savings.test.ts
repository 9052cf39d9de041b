import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisApp, TINY } from './analysis-helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await analysisApp();
});
afterAll(() => app.close());

const post = (body: unknown) => app.inject({ method: 'POST', url: '/api/savings', payload: body as object });

describe('POST /api/savings', () => {
  it('compares one week both ways; the attribution adds up to the saving; kpis match the report', async () => {
    const res = await post({ seed: 2, week: 1, cities: 4, params: TINY });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.synthetic).toBe(true);
    expect(r.seed).toBe(2);
    expect(r.combinations).toHaveLength(8);
    const base = r.combinations[0];
    const opt = r.combinations[7];
    expect(base).toMatchObject({ forecasting: 'baseline', allocation: 'baseline', routing: 'baseline' });
    expect(opt).toMatchObject({ forecasting: 'optimised', allocation: 'optimised', routing: 'optimised' });
    expect(r.costPerParcelBaselineCny).toBeCloseTo(base.costPerParcelCny, 9);
    const a = r.attribution;
    expect(a.forecastingCny + a.allocationCny + a.routingCny).toBeCloseTo(a.totalCny, 6);
    expect(a.totalCny).toBeCloseTo(base.totalCny - opt.totalCny, 6);
    expect(r.kpis.savingPct).toBeCloseTo(r.savingPct, 9);
    expect(r.kpis.cumulativeSavingsCny).toBeCloseTo(a.totalCny, 6);
    expect(r.kpis.merchantsEnd).toBe(2000);
    expect(r.assumptions.cities).toHaveLength(4);
    expect(r.assumptions.table.find((row: { parameter: string }) => row.parameter === 'vrpIterations').value).toBe(10);
  });

  it('gives a component switched off a zero share; same body, same answer', async () => {
    const body = { seed: 1, cities: 4, params: TINY, off: ['forecasting'] };
    const [x, y] = await Promise.all([post(body), post(body)]);
    expect(x.statusCode).toBe(200);
    expect(x.json().attribution.forecastingCny).toBe(0);
    expect(x.json().kpis).toEqual(y.json().kpis);
  });

  it.each([
    [{ cities: 4, params: { ...TINY, bogus: 1 } }, 'params.bogus'],
    [{ cities: 4, week: 0 }, 'week'],
    [{ cities: 4, seed: -1 }, 'seed'],
    [{ cities: 999 }, 'cities'],
    [{}, 'params.cities'], // the default 20 cities on a 4-city network
    [{ cities: 4, params: { margin: -0.1 } }, 'params.margin'],
    [{ cities: 4, params: { forecastModel: 'prophet' } }, 'params.forecastModel'],
    [{ cities: 4, off: ['teleport'] }, 'off.0'],
    [{ cities: 4, colour: 'red' }, 'colour'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().field).toBe(field);
  });
});
