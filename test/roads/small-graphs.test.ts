import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRoadCsv } from '../../src/roads/csv.js';
import { Dijkstra } from '../../src/roads/dijkstra.js';
import { loadPreparedRoadGraph, matrix, prepareRoadNetwork, route, saveRoadNetwork, toGraphology } from '../../src/roads/index.js';
import { InputError } from '../../src/shared/errors.js';
import { PRI_S, RES_S, TOWN_EDGES, TOWN_NODES } from './fixtures.js';

const town = parseRoadCsv(TOWN_NODES, TOWN_EDGES);
const at = (i: number): [number, number] => [town.x[i], town.y[i]];
const A = at(0), B = at(1), C = at(2), G = at(6);

describe('the hand-checked town', () => {
  it('loads 8 nodes and 15 arcs (7 two-way edges, 1 one-way)', () => {
    expect(town.nodeCount).toBe(8);
    expect(town.arcCount).toBe(15);
  });

  const whole = prepareRoadNetwork(town, { largestComponent: false });
  const scc = prepareRoadNetwork(town);

  it('keeps the 6 strongly connected town nodes and drops the separate pair', () => {
    expect(scc.graph.nodeCount).toBe(6);
    expect(Array.from(scc.graph.ids)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('follows the one-way street forward and goes round it backward', () => {
    const bc = route(scc, B, C, { weight: 'distance' })!;
    expect(bc.distanceM).toBe(100);
    expect(bc.nodeIds).toEqual([1, 2]);
    const cb = route(scc, C, B, { weight: 'distance' })!;
    expect(cb.distanceM).toBe(300);
    expect(cb.nodeIds).toEqual([2, 5, 4, 1]);
    expect(cb.durationS).toBeCloseTo(2 * RES_S + PRI_S, 9);
  });

  it('resolves the distance tie C -> A at 400 m and takes the primary road when minimising time', () => {
    const short = route(scc, C, A, { weight: 'distance' })!;
    expect(short.distanceM).toBe(400);
    expect([[2, 5, 4, 1, 0], [2, 5, 4, 3, 0]]).toContainEqual(short.nodeIds);
    const fast = route(scc, C, A, { weight: 'time' })!;
    expect(fast.nodeIds).toEqual([2, 5, 4, 3, 0]);
    expect(fast.durationS).toBeCloseTo(2 * RES_S + 2 * PRI_S, 9);
    expect(fast.distanceM).toBe(400);
    expect(fast.geometry).toEqual({ type: 'LineString', coordinates: [C, at(5), at(4), at(3), A] });
  });

  it('returns null for an unreachable pair and a zero-length route for the same point', () => {
    expect(route(whole, A, G, { weight: 'distance' })).toBeNull();
    const same = route(whole, A, A)!;
    expect(same.distanceM).toBe(0);
    expect(same.geometry.coordinates).toEqual([A, A]);
  });

  it('snaps a nearby point to the nearest node and reports how far it was', () => {
    const r = route(scc, [0.0011, 0.0001], [0.0019, -0.0001], { weight: 'distance' })!;
    expect(r.from.nodeId).toBe(1);
    expect(r.to.nodeId).toBe(2);
    expect(r.from.distanceM).toBeGreaterThan(10);
    expect(r.from.distanceM).toBeLessThan(20);
  });

  it('rejects points far from every road and malformed points, naming the field', () => {
    expect(() => route(scc, [10, 10], A)).toThrow(InputError);
    expect(() => route(scc, [10, 10], A)).toThrow(/from .* from the nearest road/);
    expect(() => route(scc, A, [0, 95] as [number, number])).toThrow(/to/);
    expect(() => route(scc, A, 'x' as unknown as [number, number])).toThrow(/to must be a \[lon, lat\] pair/);
    expect(() => route(scc, A, B, { weight: 'speed' as 'time' })).toThrow(/weight/);
    try {
      route(scc, A, [5, 5]);
    } catch (e) {
      expect((e as InputError).field).toBe('to');
    }
  });

  it('computes a matrix with distances and durations along the same paths, Infinity where unreachable', () => {
    const m = matrix(whole, [A, C, G], { weight: 'distance' });
    expect(Array.from(m.distancesM)).toEqual([0, 200, Infinity, 400, 0, Infinity, Infinity, Infinity, 0]);
    expect(m.durationsS[1]).toBeCloseTo(2 * RES_S, 9);
    const t = matrix(whole, [C], { weight: 'time', targets: [A, B] });
    expect(t.rows).toBe(1);
    expect(t.cols).toBe(2);
    expect(t.durationsS[0]).toBeCloseTo(2 * RES_S + 2 * PRI_S, 9);
    expect(t.durationsS[1]).toBeCloseTo(2 * RES_S + PRI_S, 9);
    expect(() => matrix(whole, [A, B, C], { maxPoints: 2 })).toThrow(/at most 2 points/);
    expect(() => matrix(whole, [A, [50, 50]])).toThrow(/points\/1/);
  });

  it('agrees with plain Dijkstra on every pair, both metrics', () => {
    for (const metric of ['distance', 'time'] as const) {
      const dij = new Dijkstra(whole.graph, metric);
      const pts = Array.from({ length: 8 }, (_, i) => at(i));
      const m = matrix(whole, pts, { weight: metric });
      const cells = metric === 'distance' ? m.distancesM : m.durationsS;
      for (let s = 0; s < 8; s++) {
        const ref = dij.oneToAll(s);
        for (let t = 0; t < 8; t++) expect(cells[s * 8 + t]).toBeCloseTo(ref[t], 9);
      }
    }
  });

  it('gives a graphology view with file ids as keys', () => {
    const gg = toGraphology(town);
    expect(gg.order).toBe(8);
    expect(gg.size).toBe(15);
    expect(gg.hasEdge('1', '2')).toBe(true);
    expect(gg.hasEdge('2', '1')).toBe(false);
    expect(gg.getEdgeAttribute(gg.edge('3', '4'), 'durationS')).toBeCloseTo(PRI_S, 9);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('saves and reloads a prepared graph with the same answers, leaving no temporary files', () => {
    const root = mkdtempSync(join(tmpdir(), 'hubflow-roads-'));
    dirs.push(root);
    const dir = join(root, 'town');
    const header = saveRoadNetwork(scc, dir);
    expect(header.nodeCount).toBe(6);
    expect(header.attribution).toBe('© OpenStreetMap contributors');
    saveRoadNetwork(scc, dir); // overwrite in place
    expect(readdirSync(root)).toEqual(['town']);
    expect(readdirSync(dir).sort()).toEqual(['ch-distance.bin', 'ch-time.bin', 'graph.bin', 'roads.json']);
    const back = loadPreparedRoadGraph(dir);
    expect(back.info.extent).toEqual(scc.info.extent);
    expect(route(back, C, A, { weight: 'time' })).toEqual(route(scc, C, A, { weight: 'time' }));
    expect(route(back, C, B, { weight: 'distance' })!.distanceM).toBe(300);
  });
});
