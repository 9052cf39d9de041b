import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../src/roads/ch/contract.js';
import { ChQuery } from '../../src/roads/ch/query.js';
import { Dijkstra } from '../../src/roads/dijkstra.js';
import { isCarRoad, largestStronglyConnected, parseMaxspeedKmh, parseOsmPbf, wayDirections, waySpeedsKmh } from '../../src/roads/index.js';
import { SnapIndex } from '../../src/roads/snap.js';
import { idLookup } from '../../src/roads/osm.js';
import { ANDORRA_PBF } from './fixtures.js';
import { haversineM } from '../../src/roads/geo.js';
import { createRng } from '../../src/shared/random.js';

const ANDORRA = ANDORRA_PBF;
const bytes = readFileSync(ANDORRA);
const g = parseOsmPbf(bytes, ANDORRA);

describe('OSM tag rules', () => {
  it('parses maxspeed in km/h and mph, and ignores values without a number', () => {
    expect(parseMaxspeedKmh('50')).toBe(50);
    expect(parseMaxspeedKmh('50 km/h')).toBe(50);
    expect(parseMaxspeedKmh('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeedKmh('55mph')).toBeCloseTo(88.51, 2);
    expect(parseMaxspeedKmh('40;60')).toBe(40);
    expect(parseMaxspeedKmh('none')).toBeUndefined();
    expect(parseMaxspeedKmh('RU:urban')).toBeUndefined();
    expect(parseMaxspeedKmh(undefined)).toBeUndefined();
  });

  it('reads one-way tags, with motorways and roundabouts one-way by default', () => {
    expect(wayDirections({ highway: 'residential' })).toEqual({ forward: true, backward: true });
    expect(wayDirections({ highway: 'residential', oneway: 'yes' })).toEqual({ forward: true, backward: false });
    expect(wayDirections({ highway: 'residential', oneway: '-1' })).toEqual({ forward: false, backward: true });
    expect(wayDirections({ highway: 'motorway' })).toEqual({ forward: true, backward: false });
    expect(wayDirections({ highway: 'motorway', oneway: 'no' })).toEqual({ forward: true, backward: true });
    expect(wayDirections({ highway: 'primary', junction: 'roundabout' })).toEqual({ forward: true, backward: false });
  });

  it('keeps car roads only', () => {
    expect(isCarRoad({ highway: 'primary_link' })).toBe(true);
    expect(isCarRoad({ highway: 'footway' })).toBe(false);
    expect(isCarRoad({ highway: 'service', access: 'private' })).toBe(false);
    expect(isCarRoad({ highway: 'residential', area: 'yes' })).toBe(false);
    expect(isCarRoad(undefined)).toBe(false);
  });

  it('finds OSM ids among sorted and unsorted node lists', () => {
    for (const ids of [[3, 7, 9, 12e9], [12e9, 7, 3, 9]]) {
      const find = idLookup(Float64Array.from(ids));
      expect([3, 7, 9, 12e9, 5].map(find)).toEqual([3, 7, 9, 12e9, 5].map((id) => ids.indexOf(id)));
    }
  });

  it('takes speeds from maxspeed where tagged, else from the class table', () => {
    expect(waySpeedsKmh({ highway: 'primary' })).toEqual({ forward: 65, backward: 65 });
    expect(waySpeedsKmh({ highway: 'primary', maxspeed: '30 mph', 'maxspeed:backward': '20' }).backward).toBe(20);
  });
});

describe('OpenStreetMap import of the Andorra extract', () => {
  it('gives the road graph of the bench CSV (same rules): 16,507 nodes, 31,643 arcs', () => {
    expect(g.nodeCount).toBe(16507);
    expect(g.arcCount).toBe(31643);
    expect(g.projected).toBe(false);
  });

  it('measures arcs by haversine and times them by class speed (way 6165450: primary, oneway)', () => {
    const u = Array.from(g.ids).indexOf(51110488);
    const v = Array.from(g.ids).indexOf(51110489);
    let arc = -1;
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) if (g.targets[a] === v) arc = a;
    expect(arc).toBeGreaterThanOrEqual(0);
    expect(g.distanceM[arc]).toBeCloseTo(35.22, 1); // andorra.edges.csv, line 2
    expect(g.durationS[arc]).toBeCloseTo(g.distanceM[arc] / (65 / 3.6), 9);
    for (let a = g.offsets[v]; a < g.offsets[v + 1]; a++) expect(g.targets[a]).not.toBe(u); // one-way
  });

  it('restricts to the largest strongly connected component, where every node reaches every other', () => {
    const s = largestStronglyConnected(g);
    expect(s.nodeCount).toBeLessThan(g.nodeCount);
    expect(s.nodeCount).toBeGreaterThan(16000);
    const d = new Dijkstra(s, 'distance');
    expect(d.oneToAll(0).every(Number.isFinite)).toBe(true);
    expect(new Dijkstra(s, 'time').oneToAll(s.nodeCount - 1).every(Number.isFinite)).toBe(true);
  });

  it('answers like plain Dijkstra on 200 random queries by time', () => {
    const s = largestStronglyConnected(g);
    const h = buildHierarchy(s, 'time');
    const q = new ChQuery(h);
    const d = new Dijkstra(s, 'time');
    const rng = createRng(7);
    let bad = 0;
    for (let i = 0; i < 200; i++) {
      const a = rng.int(s.nodeCount);
      const b = rng.int(s.nodeCount);
      const ref = d.distance(a, b);
      if (Math.abs(q.distance(h.rank[a], h.rank[b]) - ref) > 1e-9 * ref) bad++;
    }
    expect(bad).toBe(0);
  });

  it('snaps to the same node as a brute-force search', () => {
    const idx = new SnapIndex(g);
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const lon = 1.40 + rng.next() * 0.36;
      const lat = 42.42 + rng.next() * 0.24;
      const got = idx.nearest(lon, lat)!;
      let best = Infinity;
      for (let v = 0; v < g.nodeCount; v++) best = Math.min(best, haversineM(lon, lat, g.x[v], g.y[v]));
      // the grid ranks by an equirectangular plane: the same node, or one as near to within 0.1%
      expect(got.distanceM).toBeLessThanOrEqual(best * 1.001 + 1e-6);
    }
  });
});
