import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/allocation/network-two-routes');
const SHIPPED = join(import.meta.dirname, '../../data');
const demand = [{ from: 'a', to: 'b', kgPerDay: 20_000 }];
const options = { trunkModeSets: [['road'], ['rail']] };

let app: FastifyInstance;
let big: FastifyInstance;
beforeAll(async () => {
  [app, big] = await Promise.all([buildApp({ dataDir: FIXTURE, webDir: '/nonexistent' }), buildApp({ dataDir: SHIPPED, webDir: '/nonexistent' })]);
});
afterAll(async () => {
  await Promise.all([app.close(), big.close()]);
});

const poll = async (a: FastifyInstance, url: string, until: (s: string) => boolean) => {
  for (let i = 0; i < 400; i++) {
    const body = (await a.inject({ method: 'GET', url })).json();
    if (until(body.status)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job at ${url} never finished`);
};
const finished = (s: string) => s === 'done' || s === 'failed' || s === 'cancelled';

describe('allocation jobs', () => {
  it('a job gives the same allocation as the synchronous answer, with progress by phase', async () => {
    const sync = (await app.inject({ method: 'POST', url: '/api/allocations', payload: { demand, options } })).json();
    const res = await app.inject({ method: 'POST', url: '/api/allocations?respond=job', payload: { demand, options } });
    expect(res.statusCode).toBe(202);
    const acc = res.json();
    expect(acc).toMatchObject({ odPairs: 1, integer: false });
    expect(res.headers.location).toBe(acc.statusUrl);
    const job = await poll(app, acc.statusUrl, finished);
    expect(job.status).toBe('done');
    expect(job.result.objectiveCny).toBeCloseTo(sync.objectiveCny, 6);
    expect(job.result.capacityPrices[0]).toMatchObject({ kind: 'hub', id: 'ha', binding: true });
    expect(job.result.geojson.features.length).toBe(sync.geojson.features.length);
    expect(job.progress).toMatchObject({ fraction: 1, message: 'done' });
    expect(job.kind).toBeUndefined();
  });

  it('POST /api/allocations/jobs always answers 202; a finished job stays readable and DELETE leaves it as it is', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/allocations/jobs', payload: { demand, options, overrides: { closedHubs: ['ha'] }, geojson: false } });
    expect(res.statusCode).toBe(202);
    const job = await poll(app, res.json().statusUrl, finished);
    expect(job.result.objectiveCny).toBeCloseTo(11_119.5, 0);
    expect(job.result.geojson).toBeUndefined();
    const del = await app.inject({ method: 'DELETE', url: res.json().statusUrl });
    expect(del.statusCode).toBe(200);
    expect(del.json().status).toBe('done');
  });

  it('a job with applyCongestion hands the binding capacity prices to the quote engine when it finishes', async () => {
    const spy = vi.spyOn(app.quotes, 'setCongestion');
    const res = await app.inject({ method: 'POST', url: '/api/allocations/jobs', payload: { demand, options, applyCongestion: true, geojson: false } });
    expect(res.statusCode).toBe(202);
    await poll(app, res.json().statusUrl, finished);
    await expect.poll(() => spy.mock.calls.length).toBe(1);
    expect(spy.mock.calls[0][0].get('ha')).toBeCloseTo(0.1112, 4);
    spy.mockRestore();
  });

  it('small requests stay synchronous (200) unless a job is asked for', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/allocations', payload: { demand, options, geojson: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('optimal');
  });

  it('a large request on the shipped network runs as a job (202); DELETE cancels it', async () => {
    const res = await big.inject({ method: 'POST', url: '/api/allocations', payload: { integer: true, geojson: false } });
    expect(res.statusCode).toBe(202);
    const acc = res.json();
    expect(acc.odPairs).toBeGreaterThan(10_000);
    expect(acc.integer).toBe(true);
    const del = await big.inject({ method: 'DELETE', url: acc.statusUrl });
    expect(del.statusCode).toBe(200);
    expect(del.json().status).toBe('cancelled');
    expect((await big.inject({ method: 'GET', url: acc.statusUrl })).json().status).toBe('cancelled');
  }, 20_000);

  it('a subset of cities (synthetic.cities) is small enough to answer at once', async () => {
    const cities = ['shanghai', 'beijing', 'guangzhou', 'wuhan'];
    const res = await big.inject({ method: 'POST', url: '/api/allocations', payload: { demand: { synthetic: { cities } }, geojson: false } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.demandNote).toMatch(/SYNTHETIC.*only 4 cities/);
    expect(body.shape.odPairs).toBe(12);
    expect(body.servedKgPerDay).toBeCloseTo(body.demandKgPerDay, 3);
  });

  it.each([
    ['GET', '/api/allocations/jobs/no-such-job'],
    ['DELETE', '/api/allocations/jobs/no-such-job'],
  ] as const)('%s of an unknown job → 404 problem+json', async (method, url) => {
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().field).toBe('id');
  });

  it.each([
    ['/api/allocations/jobs', { demand, overrides: { hubCapacityTonnesPerDay: { ha: -5 } } }, 'overrides.hubCapacityTonnesPerDay.ha'],
    ['/api/allocations/jobs', { demand, overrides: { closedHubs: ['atlantis'] } }, 'overrides.closedHubs.0'],
    ['/api/allocations/jobs', { demand, overrides: { laneCapacityTonnesPerDay: { 'a~zz~road': 5 } } }, 'overrides.laneCapacityTonnesPerDay.a~zz~road'],
    ['/api/allocations/jobs', { demand: [{ from: 'a', to: 'zz', kgPerDay: 1 }] }, 'demand.0.to'],
    ['/api/allocations/jobs', { demand, options: { maxRoutesPerOd: 0 } }, 'options.maxRoutesPerOd'],
    ['/api/allocations?respond=job', { demand: { synthetic: { cities: ['a', 'atlantis'] } } }, 'demand.synthetic.cities.1'],
    ['/api/allocations?respond=job', { demand, overrides: { forcedOpenHubs: ['ha'], closedHubs: ['ha'] } }, 'overrides.forcedOpenHubs.0'],
  ])('%s %j → 400 naming %s (no job started)', async (url, body, field) => {
    const res = await app.inject({ method: 'POST', url, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().field).toBe(field);
  });

  it('an unknown respond= value → 400 naming it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/allocations?respond=later', payload: { demand } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('respond');
  });
});
