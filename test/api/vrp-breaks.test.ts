import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await fixtureApp();
});
afterAll(() => app.close());

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as string });

/**
 * Depot 0 —1 km/100 s— a (1) —1 km/100 s— b (2). a only in [100, 110]; a break of 300 s must start in
 * [150, 160]: depot → a at 100 → break 150–450 at a → b at 550 → back at 750.
 */
const lunch = () => ({
  matrix: {
    distancesM: [[0, 1000, 2000], [1000, 0, 1000], [2000, 1000, 0]],
    durationsS: [[0, 100, 200], [100, 0, 100], [200, 100, 0]],
  },
  stops: [
    { id: 'a', locationIndex: 1, location: [120.1, 30.2], timeWindows: [[100, 110]] },
    { id: 'b', locationIndex: 2, location: [120.2, 30.2] },
  ] as Array<Record<string, unknown>>,
  vehicles: [{ id: 'van', startIndex: 0, start: [120.0, 30.2], capacity: { kg: 10 }, shift: [0, 2000], break: { durationS: 300, window: [150, 160] } }] as Array<Record<string, unknown>>,
  options: { iterations: 50, seed: 1 },
});

describe('POST /api/vrp with breaks and optional stops', () => {
  it('places the break as a step after the stop before lunch', async () => {
    const res = await post('/api/vrp', lunch());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.feasible).toBe(true);
    const steps = body.routes[0].steps;
    expect(steps.map((s: { type: string; id?: string }) => s.id ?? s.type)).toEqual(['start', 'a', 'break', 'b', 'end']);
    expect(steps[2]).toMatchObject({ type: 'break', serviceStartS: 150, departureS: 450, waitingS: 50, location: [120.1, 30.2] });
    expect(steps[3]).toMatchObject({ arrivalS: 550 });
    expect(steps[4]).toMatchObject({ arrivalS: 750 });
    // the route line does not pass through the break twice
    const line = body.geojson.features.find((f: { properties: { kind: string } }) => f.properties.kind === 'route');
    expect(line.geometry.coordinates).toHaveLength(4);
  });

  it('reports a break window that cannot be met: the stop is unassigned with reason break', async () => {
    const p = lunch();
    (p.vehicles[0].break as { window: number[] }).window = [60, 70];
    p.stops = [{ id: 'a', locationIndex: 1, location: [120.1, 30.2], timeWindows: [[100, 100]] }];
    const body = (await post('/api/vrp', p)).json();
    expect(body.unassigned).toEqual([{ id: 'a', reason: 'break' }]);
    // evaluating the plan anyway: the checker names the violation
    const ev = (await post('/api/vrp/evaluate', { problem: p, routes: [{ vehicle: 'van', stops: ['a'] }] })).json();
    expect(ev.feasible).toBe(false);
    expect(ev.violations.map((v: { kind: string }) => v.kind)).toContain('break');
  });

  it('leaves a far optional stop out at a small penalty and serves it at a large one', async () => {
    const p = lunch();
    delete p.vehicles[0].break;
    p.stops = [
      { id: 'near', locationIndex: 1, location: [120.1, 30.2] },
      { id: 'far', locationIndex: 2, location: [120.2, 30.2], penaltyCny: 1 },
    ];
    const cheap = (await post('/api/vrp', p)).json();
    expect(cheap.unassigned).toEqual([{ id: 'far', reason: 'optional-skipped' }]);
    expect(cheap.feasible).toBe(true);
    expect(cheap.cost.totalCny).toBeCloseTo(2 + 1, 6);
    p.stops[1].penaltyCny = 50;
    const dear = (await post('/api/vrp', p)).json();
    expect(dear.unassigned).toEqual([]);
    expect(dear.cost.totalCny).toBeCloseTo(4, 6);
  });

  it.each([
    ['break longer than the shift', (p: ReturnType<typeof lunch>) => ((p.vehicles[0].break as { durationS: number }).durationS = 5000), 'vehicles.0.break.durationS'],
    ['break window end before its start', (p: ReturnType<typeof lunch>) => ((p.vehicles[0].break as { window: number[] }).window = [900, 100]), 'vehicles.0.break.window'],
    ['break window outside the shift', (p: ReturnType<typeof lunch>) => ((p.vehicles[0].break as { window: number[] }).window = [1900, 1999]), 'vehicles.0.break.window'],
    ['negative break (schema)', (p: ReturnType<typeof lunch>) => ((p.vehicles[0].break as { durationS: number }).durationS = -1), 'vehicles.0.break.durationS'],
    ['negative penalty (schema)', (p: ReturnType<typeof lunch>) => (p.stops[0].penaltyCny = -3), 'stops.0.penaltyCny'],
  ])('400 naming the field: %s', async (_name, edit, field) => {
    const p = lunch();
    edit(p);
    const res = await post('/api/vrp', p);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });
});
