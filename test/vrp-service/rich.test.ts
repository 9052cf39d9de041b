import { describe, expect, it } from 'vitest';
import { solveVrp, type VrpRequest } from '../../src/vrp-service/index.js';

/** Locations on a line, 1 km and 100 s apart: 0 west depot, 1..3 stops, 4 east depot. */
const line = (n: number) => ({
  distancesM: Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => 1000 * Math.abs(a - b))),
  durationsS: Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => 100 * Math.abs(a - b))),
});

describe('vrp service, rich requests', () => {
  it('solves two vehicle types from their own depots with a pair among deliveries; reasons for what no vehicle can take', () => {
    const req: VrpRequest = {
      matrix: line(5),
      stops: [
        { id: 'w1', locationIndex: 1, location: [0.01, 0], demand: { kg: 4 } },
        { id: 'pick', locationIndex: 1, location: [0.01, 0], demand: { kg: 3 } },
        { id: 'drop', locationIndex: 3, location: [0.03, 0] },
        { id: 'heavy', locationIndex: 3, location: [0.03, 0], demand: { kg: 30 } },
        { id: 'cold', locationIndex: 3, location: [0.03, 0], demand: { kg: 1 }, skills: ['fridge'] },
        { id: 'crane', locationIndex: 2, location: [0.02, 0], demand: { kg: 1 }, skills: ['crane'] },
        { id: 'late', locationIndex: 2, location: [0.02, 0], demand: { kg: 1 }, timeWindows: [[0, 50], [100, 150]] },
        { id: 'second', locationIndex: 2, location: [0.02, 0], demand: { kg: 1 }, timeWindows: [[0, 50], [300, 400]] },
      ],
      pairs: [{ pickup: 'pick', delivery: 'drop' }],
      vehicles: [
        { id: 'van', startIndex: 0, start: [0, 0], capacity: { kg: 10 }, costs: { perKmCny: 1 }, count: 2 },
        { id: 'reefer', startIndex: 4, start: [0.04, 0], capacity: { kg: 40 }, skills: ['fridge'], costs: { fixedCny: 5, perKmCny: 1 }, count: 1 },
      ],
      options: { iterations: 300, seed: 2 },
    };
    const r = solveVrp(req);
    const byId = new Map(r.unassigned.map((u) => [u.id, u.reason]));
    // 'late' is 2 km (200 s) from either depot: both its windows close before → time-window
    expect(byId).toEqual(new Map([['crane', 'skill'], ['late', 'time-window']]));
    const routeOf = (id: string) => r.routes.find((x) => x.steps.some((s) => s.id === id))!;
    expect(routeOf('heavy').vehicle).toMatch(/^reefer/);
    expect(routeOf('cold').vehicle).toMatch(/^reefer/);
    expect(routeOf('pick')).toBe(routeOf('drop'));
    // 'second' is served in its second window
    const second = routeOf('second').steps.find((s) => s.id === 'second')!;
    expect(second.serviceStartS).toBeGreaterThanOrEqual(300);
    expect(second.serviceStartS).toBeLessThanOrEqual(400);
    expect(r.violations.filter((v) => v.kind !== 'missing-stop')).toEqual([]);
  });
});
