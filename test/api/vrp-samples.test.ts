import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await fixtureApp();
});
afterAll(() => app.close());

describe('GET /api/vrp/samples', () => {
  it('lists the synthetic samples (Hangzhou everywhere; Baltimore only with its road graph)', async () => {
    const res = await app.inject({ url: '/api/vrp/samples' });
    expect(res.statusCode).toBe(200);
    const { samples } = res.json() as { samples: Array<{ name: string; synthetic: boolean; stops: number; request?: unknown }> };
    const hz = samples.find((s) => s.name === 'hangzhou');
    expect(hz).toMatchObject({ synthetic: true, stops: 60 });
    expect(hz!.request).toBeUndefined(); // the list is light
    expect(samples.some((s) => s.name === 'baltimore')).toBe(false); // the fixture data has no road graph
  });

  it('gives one sample as a ready request that evaluates, and 404 naming the field for an unknown one', async () => {
    const res = await app.inject({ url: '/api/vrp/samples/hangzhou' });
    expect(res.statusCode).toBe(200);
    const s = res.json() as { request: { depot: number[]; stops: unknown[]; vehicles: Array<{ start?: unknown; count: number }> }; stopsCsv: string };
    expect(s.request.stops).toHaveLength(60);
    expect(s.request.vehicles[0].start).toBeUndefined(); // vehicles start at the depot
    expect(s.request.depot).toHaveLength(2);
    expect(s.stopsCsv.split('\n')[1]).toBe('id,lon,lat,kg,serviceMin,twStart,twEnd');
    const ev = await app.inject({ method: 'POST', url: '/api/vrp/evaluate', payload: { problem: s.request, routes: [] } });
    expect(ev.statusCode).toBe(200);
    expect((ev.json() as { kpis: { unassigned: number } }).kpis.unassigned).toBe(60);
    const nf = await app.inject({ url: '/api/vrp/samples/atlantis' });
    expect(nf.statusCode).toBe(404);
    expect((nf.json() as { field?: string; detail: string }).detail).toContain('hangzhou');
  });

  it('rejects a pair naming an unknown stop with 400 and the field', async () => {
    const s = (await app.inject({ url: '/api/vrp/samples/hangzhou' })).json() as { request: Record<string, unknown> };
    const res = await app.inject({ method: 'POST', url: '/api/vrp/evaluate', payload: { problem: { ...s.request, pairs: [{ pickup: 'HZ001', delivery: 'nope' }] }, routes: [] } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { field: string }).field).toBe('pairs.0.delivery');
  });
});
