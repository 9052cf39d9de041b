import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import { fixtureApp } from './helper.js';
import { QuoteResultSchema } from '../../src/api/schemas/quotes.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await fixtureApp();
});
afterAll(() => app.close());

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: body as string, headers });

describe('POST /api/quotes', () => {
  it('returns options with price, breakdown, transit and geometry', async () => {
    const res = await post('/api/quotes?geometry=true', { origin: 'a', destination: 'c', weightKg: 1.2, lengthCm: 30, widthCm: 20, heightCm: 10, shipAt: '2026-11-27T02:00:00Z' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.options.map((o: { service: string }) => o.service)).toEqual(['economy', 'express']);
    const eco = body.options[0];
    expect(eco).toMatchObject({ currency: 'CNY', chargeableWeightKg: 2, weightBasis: 'actual', deliveryDate: '2026-11-28', transitDays: 1 });
    expect(eco.breakdown.map((l: { component: string }) => l.component)).toContain('lineHaul');
    expect(eco.priceCny).toBeCloseTo(eco.breakdown.reduce((s: number, l: { amountCny: number }) => s + l.amountCny, 0), 6);
    expect(eco.path.geometry.type).toBe('LineString');
    expect(body.volumetricWeightKg).toBe(1);
    // without ?geometry=true the answer carries the legs but not the line
    const plain = (await post('/api/quotes', { origin: 'a', destination: 'c', weightKg: 1.2 })).json();
    expect(plain.options[0].path.geometry).toBeUndefined();
    expect(plain.options[0].path.legs.length).toBeGreaterThan(0);
    expect((await post('/api/quotes?geometry=maybe', { origin: 'a', destination: 'c', weightKg: 1 })).json()).toMatchObject({ status: 400, field: 'geometry' });
  });

  it.each([
    [{ origin: 'a', destination: 'c', weightKg: -1 }, 'weightKg', 400],
    [{ origin: 'a', destination: 'c' }, 'weightKg', 400],
    [{ origin: 'a', destination: 'c', weightKg: 1, lengthCm: 10, widthCm: 10, heightCm: 9999 }, 'heightCm', 400],
    [{ origin: 'a', destination: 'c', weightKg: 1, colour: 'red' }, 'colour', 400],
    [{ origin: 'a', destination: 'Atlantis', weightKg: 1 }, 'destination', 404],
    [{ origin: 'a', destination: 'c', weightKg: 1, service: 'teleport' }, 'service', 400],
  ])('%j → problem naming %s', async (body, field, status) => {
    const res = await post('/api/quotes', body);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().field).toBe(field);
  });
});

describe('POST /api/quotes/batch', () => {
  it('takes JSON rows, and a bad row does not fail the others', async () => {
    const res = await post('/api/quotes/batch', { rows: [{ origin: 'a', destination: 'b', weightKg: 1 }, { origin: 'a', destination: 'b', weightKg: 'x' }, { origin: 'zz', destination: 'b', weightKg: 1 }] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ okRows: 1, errorRows: 2 });
    expect(body.rows[1]).toMatchObject({ row: 2, ok: false, error: { status: 400, field: 'weightKg' } });
    expect(body.rows[2]).toMatchObject({ row: 3, ok: false, error: { status: 404, field: 'origin' } });
  });

  it('takes CSV and answers CSV', async () => {
    const csv = 'origin,destination,weightKg,service\na,b,1,economy\nb,c,2,express\nq,c,1,\n';
    const res = await post('/api/quotes/batch', csv, { 'content-type': 'text/csv', accept: 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\n');
    expect(lines[0].startsWith('row,origin,destination,service,priceCny')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^3,.*no city or hub called ""q""/);
  });

  it('400 for a CSV without the required columns, and for more than 10,000 rows', async () => {
    const bad = await post('/api/quotes/batch', 'from,to\na,b\n', { 'content-type': 'text/csv' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('from');
    const big = await post('/api/quotes/batch', { rows: new Array(10_001).fill({ origin: 'a', destination: 'b', weightKg: 1 }) });
    expect(big.statusCode).toBe(400);
    expect(big.json().field).toBe('rows');
  });
});

describe('the quote response schema', () => {
  it('serialises every field the engine returns (nothing dropped by the compiled serializer)', async () => {
    for (const body of [
      { origin: 'a', destination: 'c', weightKg: 3, declaredValueCny: 500, shipAt: '2026-11-27T02:00:00Z' },
      { origin: [0.1, 0.05], destination: 'b', weightKg: 1, lengthCm: 60, widthCm: 50, heightCm: 40, shipAt: '2026-11-27T02:00:00Z' },
      { origin: 'a', destination: 'd', weightKg: 1, shipAt: '2026-11-27T02:00:00Z' },
    ]) {
      const res = await post('/api/quotes?geometry=true', body);
      expect(res.statusCode).toBe(200);
      const direct = JSON.parse(JSON.stringify(app.quotes.quote(body as never, { geometry: true })));
      expect(res.json()).toEqual(direct);
    }
  });

  it('is what the route sends (written from fragments, ASCII JSON with a UTF-8 content type)', async () => {
    for (const url of ['/api/quotes', '/api/quotes?geometry=true']) {
      for (const body of [
        { origin: 'a', destination: 'c', weightKg: 3, declaredValueCny: 500 },
        { origin: [0.1, 0.05], destination: 'b', weightKg: 1, lengthCm: 60, widthCm: 50, heightCm: 40 },
        { origin: 'a', destination: 'd', weightKg: 1 },
      ]) {
        const res = await post(url, body);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
        expect(res.body).toMatch(/^[\x00-\x7f]*$/);
        expect([...Value.Errors(QuoteResultSchema, res.json())]).toEqual([]);
      }
    }
    const batch = await post('/api/quotes/batch', { rows: [{ origin: 'a', destination: 'b', weightKg: 1 }, { origin: 'zz', destination: 'b', weightKg: 1 }] });
    expect(batch.headers['content-type']).toBe('application/json; charset=utf-8');
    for (const r of batch.json().rows.filter((x: { ok: boolean }) => x.ok)) expect([...Value.Errors(QuoteResultSchema, r.quote)]).toEqual([]);
  });
});
