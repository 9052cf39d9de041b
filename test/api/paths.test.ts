import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { fixtureApp } from './helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await fixtureApp();
});
afterAll(() => app.close());

const post = (body: unknown) => app.inject({ method: 'POST', url: '/api/paths', payload: body as object });

describe('POST /api/paths', () => {
  it('returns the cheapest path with legs, totals and geometry', async () => {
    const res = await post({ from: 'a', to: 'c', objective: 'cost', weightKg: 1000 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.found).toBe(true);
    expect(body.legs.map((l: { mode: string }) => l.mode)).toEqual(['rail', 'rail']);
    expect(body.totals.costCny).toBeCloseTo(197.25, 1);
    expect(body.totals.legs).toBe(2);
    expect(body.geometry.type).toBe('LineString');
    expect(body.geometry.coordinates.length).toBeGreaterThan(2);
  });

  it('defaults to cost for 1 kg over all modes', async () => {
    const body = (await post({ from: 'Alpha', to: 'Gamma' })).json();
    expect(body).toMatchObject({ objective: 'cost', weightKg: 1, modes: ['road', 'rail', 'air', 'sea'] });
  });

  it('answers found:false with a reason for an unreachable pair', async () => {
    const res = await post({ from: 'a', to: 'd', modes: ['road'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ found: false, legs: [], totals: null, geometry: null });
    expect(res.json().reason).toMatch(/Delta/);
  });

  it.each([
    [{ from: 'a', to: 'c', weightKg: -5 }, 'weightKg'],
    [{ from: 'a', to: 'c', weightKg: 'heavy' }, 'weightKg'],
    [{ from: 'a', to: 'c', objective: 'fun' }, 'objective'],
    [{ from: 'a', to: 'c', modes: ['road', 'boat'] }, 'modes.1'],
    [{ from: 'a', to: 'c', modes: [] }, 'modes'],
    [{ to: 'c' }, 'from'],
    [{ from: 'a', to: 'c', weight: 3 }, 'weight'],
    [{ from: 'a', to: 'a' }, 'to'],
  ])('400 problem+json naming the field for %j', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, field });
    expect(res.json().detail).toContain(field.split('.')[0]);
  });

  it('400 for a body that is not JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/paths', payload: '{"from": ', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('404 naming the field for an unknown place', async () => {
    const res = await post({ from: 'a', to: 'Atlantis' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, field: 'to' });
    expect(res.json().detail).toMatch(/Atlantis/);
  });
});

describe('network endpoints', () => {
  it('GET /api/health', async () => {
    const res = await app.inject('/api/health');
    expect(res.json()).toMatchObject({ status: 'ok', cities: 4, hubs: 1, lanes: 6 });
  });

  it('GET /api/network is a FeatureCollection of places and lanes', async () => {
    const res = await app.inject('/api/network');
    expect(res.headers['content-type']).toMatch(/geo\+json/);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    const points = fc.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point');
    const lines = fc.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
    expect(points).toHaveLength(5);
    expect(lines).toHaveLength(6);
    const hub = points.find((f: { properties: { id: string } }) => f.properties.id === 'h');
    expect(hub.properties).toMatchObject({ kind: 'hub', hubKind: 'sort', modes: ['road', 'rail'] });
    const air = lines.find((f: { properties: { mode: string } }) => f.properties.mode === 'air');
    expect(air.properties).toMatchObject({ from: 'a', to: 'c', kind: 'lane' });
    expect(air.properties.distanceM).toBeCloseTo(222390, -2);
  });

  it('GET /api/cities and /api/places', async () => {
    const cities = (await app.inject('/api/cities')).json().cities;
    expect(cities.map((c: { id: string }) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    const places = (await app.inject('/api/places')).json().places;
    expect(places).toHaveLength(5);
  });

  it('GET /api/basemap/provinces', async () => {
    const fc = (await app.inject('/api/basemap/provinces')).json();
    expect(fc.features).toHaveLength(2);
  });

  it('unknown API route is a 404 problem', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('serves the OpenAPI document', async () => {
    const doc = (await app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/paths'].post.requestBody).toBeDefined();
  });
});
