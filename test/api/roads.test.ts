import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { MATRIX_MAX_POINTS } from '../../src/roads/index.js';
import { fixtureApp } from './helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ webDir: '/nonexistent' }); // the shipped data, with data/roads/baltimore
});
afterAll(() => app.close());

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object });
// Two points in downtown Baltimore (inside the shipped extract)
const A: [number, number] = [-76.6122, 39.2904];
const B: [number, number] = [-76.5794, 39.2846];

describe('road API on the shipped demo graph', () => {
  it('GET /api/roads lists the graph with its extent and attribution', async () => {
    const body = (await app.inject('/api/roads')).json();
    const g = body.graphs.find((x: { name: string }) => x.name === 'baltimore');
    expect(g.attribution).toMatch(/OpenStreetMap/);
    expect(g.licence).toBe('ODbL-1.0');
    expect(g.extent[0]).toBeLessThan(-76.5);
    expect(body.matrixMaxPoints).toBeGreaterThan(0);
  });

  it('routes between two coordinates along the streets', async () => {
    const res = await post('/api/roads/route', { from: A, to: B, weight: 'time' });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.found).toBe(true);
    expect(r.distanceM).toBeGreaterThan(2800); // the straight line is about 2.9 km
    expect(r.distanceM).toBeLessThan(6000);
    expect(r.durationS).toBeGreaterThan(0);
    expect(r.geometry.type).toBe('LineString');
    const shortest = (await post('/api/roads/route', { from: A, to: B, weight: 'distance' })).json();
    expect(shortest.distanceM).toBeLessThanOrEqual(r.distanceM + 1e-6);
    expect(shortest.durationS).toBeGreaterThanOrEqual(r.durationS - 1e-6);
  });

  it('gives a matrix whose entries match single routes', async () => {
    const m = (await post('/api/roads/matrix', { points: [A, B], weight: 'time' })).json();
    expect([m.rows, m.cols]).toEqual([2, 2]);
    expect(m.durationsS[0]).toBe(0);
    const r = (await post('/api/roads/route', { from: A, to: B, weight: 'time' })).json();
    expect(m.durationsS[1]).toBeCloseTo(r.durationS, 0);
  });

  it.each([
    ['/api/roads/route', { from: [-76.61, 39.29], to: [116.4, 39.9] }, 'to'],
    ['/api/roads/route', { from: [-76.61], to: B }, 'from'],
    ['/api/roads/route', { from: A, to: B, weight: 'scenic' }, 'weight'],
    ['/api/roads/matrix', { points: [] }, 'points'],
  ])('%s %j → 400 naming %s', async (url, body, field) => {
    const res = await post(url, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it('400 naming points past the matrix limit', async () => {
    const points = new Array(MATRIX_MAX_POINTS + 1).fill(A);
    const res = await post('/api/roads/matrix', { points });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('points');
  });

  it('404 naming graph for an unknown graph, and when none is loaded', async () => {
    expect((await post('/api/roads/route', { from: A, to: B, graph: 'atlantis' })).json()).toMatchObject({ status: 404, field: 'graph' });
    const bare = await fixtureApp();
    expect((await bare.inject({ method: 'POST', url: '/api/roads/route', payload: { from: A, to: B } })).json()).toMatchObject({ status: 404, field: 'graph' });
    await bare.close();
  });
});

describe('GET /api/roads/:name/streets', () => {
  it('draws every street once, as joined lines inside the extent', async () => {
    const res = await app.inject('/api/roads/baltimore/streets');
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.geometry.type).toBe('MultiLineString');
    const lines: number[][][] = f.geometry.coordinates;
    const points = lines.reduce((s, l) => s + l.length, 0);
    // chains of shape nodes are joined: far fewer lines than the 24,575 arcs
    expect(lines.length).toBeGreaterThan(500);
    expect(lines.length).toBeLessThan(12_000);
    expect(points).toBeGreaterThan(lines.length * 2);
    for (const [lon, lat] of lines.flat()) {
      expect(lon).toBeGreaterThan(-76.62);
      expect(lon).toBeLessThan(-76.51);
      expect(lat).toBeGreaterThan(39.24);
      expect(lat).toBeLessThan(39.32);
    }
    expect((await app.inject('/api/roads/atlantis/streets')).statusCode).toBe(404);
  });
});
