import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dijkstra } from '../../src/roads/dijkstra.js';
import { loadPreparedRoadGraph, matrix, route } from '../../src/roads/index.js';

const dir = join(import.meta.dirname, '../../data/roads/baltimore');

describe('the shipped demo city (data/roads/baltimore)', () => {
  const net = loadPreparedRoadGraph(dir);

  it('carries its source, licence and attribution', () => {
    expect(net.info.attribution).toBe('© OpenStreetMap contributors');
    expect(net.info.licence).toBe('ODbL-1.0');
    expect(net.info.source).toBe('baltimore.osm.pbf');
    const [w, s, e, n] = net.info.extent;
    expect(w).toBeLessThan(-76.5);
    expect(e).toBeGreaterThan(w);
    expect(n).toBeGreaterThan(s);
  });

  it('routes across downtown like plain Dijkstra, by time and by distance', () => {
    const from: [number, number] = [-76.6095, 39.2905];
    const to: [number, number] = [-76.555, 39.2835];
    for (const weight of ['time', 'distance'] as const) {
      const r = route(net, from, to, { weight })!;
      expect(r).not.toBeNull();
      const ids = Array.from(net.graph.ids);
      const s = ids.indexOf(r.from.nodeId);
      const t = ids.indexOf(r.to.nodeId);
      const ref = new Dijkstra(net.graph, weight).distance(s, t);
      expect(weight === 'time' ? r.durationS : r.distanceM).toBeCloseTo(ref, 6);
      expect(r.distanceM).toBeGreaterThan(4000); // ~4.8 km as the crow flies
      expect(r.distanceM).toBeLessThan(9000);
      expect(r.geometry.coordinates[0]).toEqual([net.graph.x[s], net.graph.y[s]]);
    }
    const fast = route(net, from, to, { weight: 'time' })!;
    const short = route(net, from, to, { weight: 'distance' })!;
    expect(fast.durationS).toBeLessThanOrEqual(short.durationS + 1e-9);
    expect(short.distanceM).toBeLessThanOrEqual(fast.distanceM + 1e-9);
    const m = matrix(net, [from, to], { weight: 'time' });
    expect(m.durationsS[1]).toBeCloseTo(fast.durationS, 9);
    expect(m.distancesM[1]).toBeCloseTo(fast.distanceM, 6);
  });
});
