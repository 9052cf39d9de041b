import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await fixtureApp();
});
afterAll(() => app.close());

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as string });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Depot 0, stops at 1 and 2 on a line: 0 —1 km/100 s— 1 —1 km/100 s— 2.
 * One van, 10 kg: a (5 kg, 10 s service), b (5 kg, window [500, 600]).
 * Only tour: 0 → a → b → 0 (or reverse): 4 km; leave at 290 so b is reached at 500,
 * duration 100 + 10 + 100 + 200 = 410 s; cost 10 fixed + 4 km × 1 + 410 s × 36/h = 18.1 CNY.
 */
const tiny = () => ({
  matrix: {
    distancesM: [[0, 1000, 2000], [1000, 0, 1000], [2000, 1000, 0]],
    durationsS: [[0, 100, 200], [100, 0, 100], [200, 100, 0]],
  },
  stops: [
    { id: 'a', locationIndex: 1, location: [120.1, 30.2], demand: { kg: 5 }, serviceS: 10 },
    { id: 'b', locationIndex: 2, location: [120.2, 30.2], demand: { kg: 5 }, timeWindows: [[500, 600]] },
  ],
  vehicles: [{ id: 'van', startIndex: 0, start: [120.0, 30.2], capacity: { kg: 10 }, costs: { fixedCny: 10, perKmCny: 1, perHourCny: 36 } }],
  options: { iterations: 50, seed: 3 },
});

/** n stops around a depot in Hangzhou, 2 vans (great-circle travel). */
function cityProblem(n: number, options: object) {
  const stops = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    location: [120.16 + 0.05 * Math.cos(i * 2.4) * ((i % 7) + 1) / 7, 30.27 + 0.04 * Math.sin(i * 2.4) * ((i % 5) + 1) / 5],
    demand: { kg: 5 + (i % 9) },
    serviceS: 120,
  }));
  return { depot: [120.16, 30.27], stops, vehicles: [{ id: 'van', capacity: { kg: 150 }, count: 8, costs: { fixedCny: 100, perKmCny: 1.2, perHourCny: 40 } }], options };
}

describe('POST /api/vrp', () => {
  it('plans the tiny problem as computed by hand', async () => {
    const res = await post('/api/vrp', tiny());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.matrixSource).toBe('given');
    expect(body.feasible).toBe(true);
    expect(body.routes).toHaveLength(1);
    const r = body.routes[0];
    expect(r.vehicle).toBe('van');
    expect(r.steps.map((s: { type: string; id?: string }) => s.id ?? s.type)).toEqual(['start', 'a', 'b', 'end']);
    expect(r.steps.map((s: { arrivalS: number }) => s.arrivalS)).toEqual([290, 390, 500, 700]);
    expect(r.steps[1]).toMatchObject({ serviceStartS: 390, departureS: 400, waitingS: 0, load: [5] });
    expect(r.steps[0].load).toEqual([10]);
    expect(r).toMatchObject({ distanceM: 4000, durationS: 410, waitingS: 0, cost: { fixedCny: 10, distanceCny: 4, timeCny: 4.1, totalCny: 18.1 } });
    expect(body.kpis).toMatchObject({ vehiclesUsed: 1, served: 2, unassigned: 0, lateStops: 0, distanceM: 4000, costCny: 18.1 });
    const line = body.geojson.features.find((f: { properties: { kind: string } }) => f.properties.kind === 'route');
    expect(line.geometry.coordinates).toEqual([[120.0, 30.2], [120.1, 30.2], [120.2, 30.2], [120.0, 30.2]]);
    expect(line.properties).toMatchObject({ vehicle: 'van', colour: 0 });
  });

  it('reports a stop no vehicle can carry as unassigned with its reason', async () => {
    const p = tiny();
    p.stops.push({ id: 'heavy', locationIndex: 1, location: [120.1, 30.2], demand: { kg: 50 }, serviceS: 0 });
    const body = (await post('/api/vrp', p)).json();
    expect(body.unassigned).toEqual([{ id: 'heavy', reason: 'capacity' }]);
    expect(body.kpis.unassigned).toBe(1);
  });

  it('uses great-circle travel from coordinates and says so', async () => {
    const body = (await post('/api/vrp', cityProblem(12, { iterations: 30 }))).json();
    expect(body.matrixSource).toBe('great-circle');
    expect(body.feasible).toBe(true);
    expect(body.kpis.served).toBe(12);
    const first = body.routes[0].steps[1];
    expect(first.distanceFromPrevM).toBeGreaterThan(0);
  });

  it('solves in a worker: the server answers other requests meanwhile', async () => {
    const solving = post('/api/vrp', cityProblem(40, { seconds: 1.5 }));
    await sleep(300);
    const t0 = Date.now();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((await solving).json().kpis.served).toBe(40);
  }, 15_000);

  it('sends large problems to the job form', async () => {
    const res = await post('/api/vrp', cityProblem(201, { seconds: 1 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('stops');
    expect(res.json().detail).toContain('/api/vrp/jobs');
  });

  it('plans two vehicle types, a pair mixed with deliveries and a stop with two windows', async () => {
    const p = tiny() as ReturnType<typeof tiny> & { pairs?: Array<{ pickup: string; delivery: string }> };
    // b can be reached at 200 s at the earliest: only its second window [500, 600] can be met
    (p.stops[1] as { timeWindows: number[][] }).timeWindows = [[0, 100], [500, 600]];
    p.stops.push(
      { id: 'c', locationIndex: 1, location: [120.1, 30.2], demand: { kg: 2 }, serviceS: 0, skills: ['cold'] } as never,
      { id: 'pu', locationIndex: 1, location: [120.1, 30.2], demand: { kg: 3 }, serviceS: 0 } as never,
      { id: 'de', locationIndex: 2, location: [120.2, 30.2], demand: { kg: 0 }, serviceS: 0 } as never,
    );
    p.pairs = [{ pickup: 'pu', delivery: 'de' }];
    p.vehicles.push({ id: 'fridge', startIndex: 0, start: [120.0, 30.2], capacity: { kg: 5 }, skills: ['cold'], costs: { fixedCny: 50, perKmCny: 1, perHourCny: 36 } } as never);
    const res = await post('/api/vrp', p);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.feasible).toBe(true);
    expect(body.unassigned).toEqual([]);
    const routeOf = (id: string) => body.routes.find((r: { steps: Array<{ id?: string }> }) => r.steps.some((st) => st.id === id));
    expect(routeOf('c').vehicle).toBe('fridge');
    expect(routeOf('pu')).toBe(routeOf('de'));
    const ids = routeOf('pu').steps.map((st: { id?: string }) => st.id);
    expect(ids.indexOf('pu')).toBeLessThan(ids.indexOf('de'));
    const b = routeOf('b').steps.find((st: { id?: string }) => st.id === 'b');
    expect(b.serviceStartS).toBeGreaterThanOrEqual(500);
    expect(b.serviceStartS).toBeLessThanOrEqual(600);
  });

  it.each([
    ['window closing before it opens', (p: ReturnType<typeof tiny>) => p.stops.push({ id: 'c', locationIndex: 1, location: [120.1, 30.2], demand: { kg: 0 }, serviceS: 0, timeWindows: [[900, 100]] } as never), 'stops.2.timeWindows.0'],
    ['negative service time (schema)', (p: ReturnType<typeof tiny>) => ((p.stops[1] as { serviceS?: number }).serviceS = -5), 'stops.1.serviceS'],
    ['unknown property', (p: ReturnType<typeof tiny>) => ((p.stops[0] as Record<string, unknown>).colour = 'red'), 'stops.0.colour'],
    ['location index outside the matrix', (p: ReturnType<typeof tiny>) => (p.stops[0].locationIndex = 7), 'stops.0.locationIndex'],
    ['demand in a dimension no vehicle has', (p: ReturnType<typeof tiny>) => ((p.stops[0] as { demand: object }).demand = { m3: 1 }), 'stops.0.demand.m3'],
  ])('400 naming the field: %s', async (_name, edit, field) => {
    const p = tiny();
    edit(p);
    const res = await post('/api/vrp', p);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().field).toBe(field);
  });
});

describe('POST /api/vrp/evaluate', () => {
  it('lists a late stop and an overload of a hand-made plan', async () => {
    const p = tiny();
    p.stops[0].demand = { kg: 8 }; // 8 + 5 = 13 kg > 10
    p.stops[1].timeWindows = [[0, 150]]; // b after a: reached at 210 at the earliest
    const res = await post('/api/vrp/evaluate', { problem: p, routes: [{ vehicle: 'van', stops: ['a', 'b'] }] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.feasible).toBe(false);
    const kinds = body.violations.map((v: { kind: string }) => v.kind).sort();
    expect(kinds).toEqual(['late', 'overload']);
    expect(body.violations.find((v: { kind: string }) => v.kind === 'late')).toMatchObject({ stop: 'b', vehicle: 'van' });
    expect(body.kpis.lateStops).toBe(1);
    const b = body.routes[0].steps[2];
    expect(b).toMatchObject({ id: 'b', arrivalS: 210, late: true });
    expect(body.routes[0].steps[0].load).toEqual([13]);
    expect(body.solver).toBeUndefined();
    expect(body.geojson.features[0]).toMatchObject({ geometry: { type: 'Point', coordinates: [120.0, 30.2] }, properties: { kind: 'depot' } });
  });

  it('keeps the route labels of the caller', async () => {
    const p = tiny();
    p.vehicles[0] = { ...p.vehicles[0], count: 2 } as never;
    const body = (await post('/api/vrp/evaluate', { problem: p, routes: [{ vehicle: 'van#2', stops: ['b'] }, { vehicle: 'van#1', stops: ['a'] }] })).json();
    expect(body.routes.map((r: { vehicle: string }) => r.vehicle)).toEqual(['van#2', 'van#1']);
    expect(body.feasible).toBe(true);
    expect(body.kpis.vehiclesUsed).toBe(2);
  });

  it('reports stops left out of the plan and unknown ids', async () => {
    const body = (await post('/api/vrp/evaluate', { problem: tiny(), routes: [{ vehicle: 'van', stops: ['a'] }] })).json();
    expect(body.unassigned).toEqual([{ id: 'b', reason: 'not-planned' }]);
    expect(body.violations.map((v: { kind: string }) => v.kind)).toEqual(['missing-stop']);
    const bad = await post('/api/vrp/evaluate', { problem: tiny(), routes: [{ vehicle: 'van', stops: ['a', 'zz'] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('routes.0.stops.1');
  });
});

describe('vrp jobs', () => {
  const poll = async (url: string, done: (b: { status: string; progress: unknown }) => boolean, ms = 15_000) => {
    const t0 = Date.now();
    for (;;) {
      const b = (await app.inject({ method: 'GET', url })).json();
      if (done(b) || Date.now() - t0 > ms) return b;
      await sleep(50);
    }
  };

  it('submit → poll → result', async () => {
    const res = await post('/api/vrp/jobs', cityProblem(15, { iterations: 40, seed: 2 }));
    expect(res.statusCode).toBe(202);
    const { jobId, statusUrl } = res.json();
    expect(statusUrl).toBe(`/api/vrp/jobs/${jobId}`);
    const b = await poll(statusUrl, (x) => x.status === 'done' || x.status === 'failed');
    expect(b.status).toBe('done');
    expect(b.result.kpis.served).toBe(15);
    expect(b.result.feasible).toBe(true);
    expect(b.result.solver.iterations).toBe(40);
    const sync = (await post('/api/vrp', cityProblem(15, { iterations: 40, seed: 2 }))).json();
    expect(b.result.kpis.costCny).toBe(sync.kpis.costCny); // same seed and iterations: same plan
  }, 20_000);

  it('cancel returns the best plan so far', async () => {
    const { statusUrl } = (await post('/api/vrp/jobs', cityProblem(60, { seconds: 60 }))).json();
    const running = await poll(statusUrl, (x) => x.status === 'running' && x.progress !== null);
    expect(running.status).toBe('running');
    const res = await app.inject({ method: 'DELETE', url: statusUrl });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.status).toBe('cancelled');
    expect(b.result.solver.cancelled).toBe(true);
    expect(b.result.kpis.served).toBe(60);
  }, 20_000);

  it('rejects a malformed problem before queuing it, and unknown ids', async () => {
    const p = tiny();
    (p.stops[1] as { timeWindows: number[][] }).timeWindows = [[500, 600], [0, 100]];
    const res = await post('/api/vrp/jobs', p);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toMatch(/^stops\.1\.timeWindows/);
    expect((await app.inject({ method: 'GET', url: '/api/vrp/jobs/nope' })).statusCode).toBe(404);
  });
});
