import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPreparedRoadGraph } from '../../src/roads/index.js';
import { evaluateVrp, solveVrp, type VrpRequest } from '../../src/vrp-service/index.js';
import { greatCircleM } from '../../src/vrp-service/travel.js';

const ROADS = join(import.meta.dirname, '../../data/roads/baltimore');

describe('vrp service', () => {
  it('great-circle travel: distance × detour factor, time at the given speed; steps add up', () => {
    const depot: [number, number] = [120.16, 30.27];
    const a: [number, number] = [120.18, 30.27];
    const req: VrpRequest = {
      depot,
      stops: [{ id: 'a', location: a, serviceS: 60 }],
      vehicles: [{ id: 'v', capacity: { kg: 1 } }],
      options: { iterations: 5, detourFactor: 1.5, speedKmh: 36 },
    };
    const r = solveVrp(req);
    const d = greatCircleM(depot, a) * 1.5;
    expect(r.matrixSource).toBe('great-circle');
    expect(r.routes[0].distanceM).toBe(Math.round(2 * d));
    expect(r.routes[0].durationS).toBe(Math.round((2 * d) / 10 + 60));
    const steps = r.routes[0].steps;
    expect(steps.reduce((s, x) => s + x.distanceFromPrevM, 0)).toBeCloseTo(r.routes[0].distanceM, -1);
    expect(steps[steps.length - 1].arrivalS - steps[0].departureS).toBeCloseTo(r.routes[0].durationS, -1);
    expect(r.cost.distanceCny).toBeCloseTo((2 * d) / 1000, 1); // no costs given: 1 CNY per km
  });

  it('uses the road graph when every point lies in it, with street geometry', () => {
    const net = loadPreparedRoadGraph(ROADS);
    const [x0, y0, x1, y1] = net.info.extent;
    const pt = (fx: number, fy: number): [number, number] => [x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy];
    const req: VrpRequest = {
      depot: pt(0.5, 0.5),
      stops: [0.3, 0.45, 0.6].map((f, i) => ({ id: `b${i}`, location: pt(f, 1 - f), demand: { kg: 1 } })),
      vehicles: [{ id: 'v', capacity: { kg: 10 } }],
      options: { iterations: 10 },
    };
    const r = solveVrp(req, [net]);
    expect(r.matrixSource).toBe('road:baltimore');
    const line = r.geojson.features.find((f) => (f as { properties: { kind: string } }).properties.kind === 'route') as { geometry: { coordinates: unknown[] } };
    expect(line.geometry.coordinates.length).toBeGreaterThan(5); // along the streets, not 5 straight legs
    expect(solveVrp({ ...req, options: { iterations: 10, roads: false } }, [net]).matrixSource).toBe('great-circle');
    // outside the graph: great-circle
    expect(solveVrp({ ...req, depot: [120, 30] }, [net]).matrixSource).toBe('great-circle');
  });

  it('evaluate reports skill and shift violations by id', () => {
    const req: VrpRequest = {
      matrix: { distancesM: [[0, 1000], [1000, 0]], durationsS: [[0, 600], [600, 0]] },
      stops: [{ id: 'cold', locationIndex: 1, skills: ['fridge'], serviceS: 600 }],
      vehicles: [{ id: 'v', startIndex: 0, capacity: [5], shift: [0, 1200] }],
    };
    const r = evaluateVrp(req, [{ vehicle: 'v', stops: ['cold'] }]);
    expect(r.violations.map((v) => v.kind).sort()).toEqual(['shift', 'skill']);
    expect(r.violations.find((v) => v.kind === 'skill')).toMatchObject({ stop: 'cold', vehicle: 'v' });
    expect(r.routes[0].steps[2].arrivalS).toBe(1800);
  });
});
