import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPreparedRoadGraph } from '../../src/roads/index.js';
import { evaluateVrp, type VrpRequest } from '../../src/vrp-service/index.js';
import { generateBaltimoreSample } from '../../src/vrp-service/sample-baltimore.js';
import { listSamples } from '../../src/vrp-service/samples.js';

/** A line 0 —100 s— 1 —100 s— 2 —100 s— 3 (1 km per leg); depot 0. */
const line = (): VrpRequest => ({
  matrix: {
    distancesM: [[0, 1000, 2000, 3000], [1000, 0, 1000, 2000], [2000, 1000, 0, 1000], [3000, 2000, 1000, 0]],
    durationsS: [[0, 100, 200, 300], [100, 0, 100, 200], [200, 100, 0, 100], [300, 200, 100, 0]],
  },
  stops: [
    { id: 'a', locationIndex: 1, demand: { kg: 2 }, serviceS: 10, timeWindows: [[0, 1000]] },
    { id: 'b', locationIndex: 2, demand: { kg: 3 }, serviceS: 10, timeWindows: [[500, 520]] },
    { id: 'c', locationIndex: 3, demand: { kg: 4 }, serviceS: 10 },
  ],
  vehicles: [{ id: 'v', startIndex: 0, capacity: { kg: 10 }, shift: [0, 2000] }],
});

describe('route timeline: windows, waiting, slack, binding', () => {
  it('forward slack by hand; the window that closes as service starts binds', () => {
    // a window [0,1000]; b window [500,520]; leave as late as useful: b starts at 500.
    // leave 290: a arrives 390, starts 390, leaves 400; b arrives 500, starts 500; c arrives 610, starts 610; end 920.
    const r = evaluateVrp(line(), [{ vehicle: 'v', stops: ['a', 'b', 'c'] }]);
    const [start, a, b, c, end] = r.routes[0].steps;
    expect(start.departureS).toBe(290);
    expect([a.serviceStartS, b.serviceStartS, c.serviceStartS, end.arrivalS]).toEqual([390, 500, 610, 920]);
    expect(b.timeWindow).toEqual([500, 520]);
    expect(c.timeWindow).toBeUndefined();
    // end: 2000 − 920 = 1080; c: no window → 1080; b: min(520 − 500, 0 + 1080) = 20; a: min(1000 − 390, 0 + 20) = 20
    expect([a.slackS, b.slackS, c.slackS, end.slackS]).toEqual([20, 20, 1080, 1080]);
    expect(a.binding ?? false).toBe(false);
    expect(b.binding ?? false).toBe(false);

    // a opens at 300 (the van leaves at 200), b's window is the instant 410 it is reached.
    const req = line();
    req.stops[0].timeWindows = [[300, 1000]];
    req.stops[1].timeWindows = [[410, 410]];
    const r2 = evaluateVrp(req, [{ vehicle: 'v', stops: ['a', 'b', 'c'] }]);
    const s2 = r2.routes[0].steps;
    expect(s2[2].serviceStartS).toBe(410);
    expect(s2[2].late ?? false).toBe(false);
    expect(s2[2].binding).toBe(true);
    expect(s2[2].slackS).toBe(0);
    expect(s2[1].slackS).toBe(0); // a later start at a makes b late
  });

  it('late stops have slack 0 and are flagged', () => {
    const req = line();
    req.stops[2].timeWindows = [[0, 100]];
    const r = evaluateVrp(req, [{ vehicle: 'v', stops: ['a', 'b', 'c'] }]);
    const c = r.routes[0].steps[3];
    expect(c.late).toBe(true);
    expect(c.slackS).toBe(0);
    expect(r.kpis.lateStops).toBe(1);
  });

  it('pickup-and-delivery pairs: the pickup loads what its delivery unloads; a pair line in the GeoJSON', () => {
    const req = line();
    for (const s of req.stops) delete s.timeWindows;
    req.stops.forEach((s, i) => (s.location = [120 + i * 0.01, 30]));
    req.vehicles[0].start = [119.99, 30];
    req.pairs = [{ pickup: 'a', delivery: 'c' }];
    const r = evaluateVrp(req, [{ vehicle: 'v', stops: ['a', 'b', 'c'] }]);
    // on board at the start: b only (3); after a: 3 + 2; after b: 2; after c: 0
    expect(r.routes[0].steps.map((s) => s.load[0])).toEqual([3, 5, 2, 0, 0]);
    const pair = r.geojson.features.find((f) => (f as { properties: { kind: string } }).properties.kind === 'pair') as { properties: { pickup: string; delivery: string } };
    expect(pair.properties).toMatchObject({ pickup: 'a', delivery: 'c', vehicle: 'v' });
    // delivery before pickup is a violation
    const bad = evaluateVrp(req, [{ vehicle: 'v', stops: ['c', 'b', 'a'] }]);
    expect(bad.violations.some((v) => v.kind === 'pair')).toBe(true);
  });
});

describe('samples', () => {
  const net = loadPreparedRoadGraph(join(import.meta.dirname, '../../data/roads/baltimore'));

  it('the Baltimore sample is deterministic, on the graph, and routes along its streets', () => {
    const a = generateBaltimoreSample(net.graph);
    expect(generateBaltimoreSample(net.graph).stopsCsv).toBe(a.stopsCsv);
    expect(generateBaltimoreSample(net.graph, 7).stopsCsv).not.toBe(a.stopsCsv);
    expect(a.stopsCsv).toContain('SYNTHETIC');
    const s = listSamples([net]).find((x) => x.name === 'baltimore')!;
    expect(s.synthetic).toBe(true);
    expect(s.request.stops).toHaveLength(40);
    const [x0, y0, x1, y1] = net.info.extent;
    for (const st of s.request.stops) {
      const [x, y] = st.location!;
      expect(x >= x0 && x <= x1 && y >= y0 && y <= y1).toBe(true);
    }
    const ids = s.request.stops.slice(0, 6).map((x) => x.id);
    const r = evaluateVrp(s.request, [{ vehicle: 'van#1', stops: ids }], [net]);
    expect(r.matrixSource).toBe('road:baltimore');
    expect(r.kpis.served).toBe(6);
  });
});
