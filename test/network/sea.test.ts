import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox, booleanPointInPolygon, distance, polygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { greatCircleM, loadNetworkData, Network, type LonLat } from '../../src/network/index.js';
import { loadSeaGraph, nearestWaypoint, parseSeaGraph, seaRoute } from '../../src/network/sea.js';
import { DataError } from '../../src/shared/errors.js';

const dataDir = join(import.meta.dirname, '../../data');
const seaFile = join(dataDir, 'sea-waypoints.json');
const DEG_KM = 111.19508; // one degree of a great circle, R = 6,371 km

/** A square of waypoints on the equator: a(0,0) – b(1,0) – c(1,1) – d(0,1), open between d and a. */
const square = {
  waypoints: [
    { id: 'a', name: 'A', lon: 0, lat: 0 },
    { id: 'b', name: 'B', lon: 1, lat: 0 },
    { id: 'c', name: 'C', lon: 1, lat: 1 },
    { id: 'd', name: 'D', lon: 0, lat: 1 },
  ],
  edges: [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
  ],
};

function writeTemp(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hubflow-sea-')), 'sea.json');
  writeFileSync(file, text);
  return file;
}

describe('seaRoute on a hand-checked square', () => {
  const sea = parseSeaGraph(square, 'square');

  it('goes round the open side: a → b → c → d, three legs of about one degree', () => {
    const r = seaRoute(sea, [-0.1, 0], [-0.1, 1])!;
    expect(r.waypointIds).toEqual(['a', 'b', 'c', 'd']);
    expect(r.coordinates[0]).toEqual([-0.1, 0]);
    expect(r.coordinates.at(-1)).toEqual([-0.1, 1]);
    // approach legs 0.1° each (at latitude 0 and 1) plus three legs of 1°
    expect(r.distanceM / 1000).toBeCloseTo(3 * DEG_KM + 0.1 * DEG_KM + 0.1 * DEG_KM * Math.cos(Math.PI / 180), 0);
    // the distance is the length of the drawn line (great-circle legs, no detour factor)
    let drawnKm = 0;
    for (let i = 0; i + 1 < r.coordinates.length; i++) drawnKm += distance(r.coordinates[i], r.coordinates[i + 1]);
    expect(drawnKm).toBeCloseTo(r.distanceM / 1000, 0);
    // about one point per 50 km: each 111 km leg is split
    expect(r.coordinates.length).toBeGreaterThan(6);
  });

  it('joins two points near the same waypoint through it, and returns a point for identical ends', () => {
    const r = seaRoute(sea, [1.1, 0.5], [1.1, 0.6])!;
    expect(r.waypointIds).toHaveLength(1);
    expect(seaRoute(sea, [0, 0], [0, 0])).toEqual({ coordinates: [[0, 0]], distanceM: 0, waypointIds: [] });
  });

  it('gives null when an endpoint is farther than maxApproachM from every waypoint', () => {
    expect(seaRoute(sea, [10, 0], [0, 1])).toBeNull();
    expect(seaRoute(sea, [10, 0], [0, 1], { maxApproachM: 2_000_000 })).not.toBeNull();
  });
});

describe('loadSeaGraph errors name the file and the field', () => {
  const variants: [string, (d: any) => unknown, RegExp][] = [
    ['lon out of range', (d) => ((d.waypoints[1].lon = 200), d), /sea\.json \(\/waypoints\/1\/lon\): 200 is outside/],
    ['lat not a number', (d) => ((d.waypoints[2].lat = '1'), d), /\(\/waypoints\/2\/lat\): "1" is not a number/],
    ['bad id', (d) => ((d.waypoints[0].id = 'Not An Id'), d), /\(\/waypoints\/0\/id\)/],
    ['duplicate id', (d) => ((d.waypoints[3].id = 'a'), d), /\(\/waypoints\/3\/id\): duplicate id "a"/],
    ['empty name', (d) => ((d.waypoints[0].name = ''), d), /\(\/waypoints\/0\/name\)/],
    ['unknown edge end', (d) => ((d.edges[1][1] = 'zz'), d), /\(\/edges\/1\/1\): unknown waypoint "zz"/],
    ['self loop', (d) => ((d.edges[0] = ['a', 'a']), d), /\(\/edges\/0\/1\).*itself/],
    ['edge twice', (d) => (d.edges.push(['b', 'a']), d), /\(\/edges\/3\).*listed twice/],
    ['not a pair', (d) => ((d.edges[0] = ['a']), d), /\(\/edges\/0\): must be a pair/],
    ['disconnected', (d) => (d.edges.pop(), d), /\(\/waypoints\/3\/id\): waypoint "d" is not connected/],
    ['no waypoints', (d) => ((d.waypoints = []), d), /\(\/waypoints\): must be a non-empty array/],
  ];
  it.each(variants)('%s', (_name, edit, message) => {
    const file = writeTemp(JSON.stringify(edit(structuredClone(square))));
    expect(() => loadSeaGraph(file)).toThrowError(DataError);
    expect(() => loadSeaGraph(file)).toThrowError(message);
  });

  it('reports unreadable and malformed files', () => {
    expect(() => loadSeaGraph(join(tmpdir(), 'no-such-sea-file.json'))).toThrowError(/no-such-sea-file\.json: cannot be read/);
    expect(() => loadSeaGraph(writeTemp('{ "waypoints": ['))).toThrowError(/is not valid JSON/);
  });
});

describe('data/sea-waypoints.json', () => {
  const sea = loadSeaGraph(seaFile);
  const network = new Network(loadNetworkData(dataDir));
  const at = (id: string): LonLat => {
    const p = network.place(id)!;
    return [p.lon, p.lat];
  };
  const route = (from: string, to: string) => seaRoute(sea, at(from), at(to))!;
  const seaLanes = network.data.lanes.filter((l) => l.mode === 'sea');

  it('routes Dalian → Guangzhou round Shandong and through the Taiwan Strait, longer than the great circle', () => {
    const r = route('hub-dalian', 'hub-guangzhou');
    // Dalian's port faces the Yellow Sea, so this route rounds Chengshan Cape instead of crossing the Bohai Strait.
    expect(r.waypointIds).toEqual(expect.arrayContaining(['chengshan-cape', 'taiwan-strait-north', 'taiwan-strait-mid', 'taiwan-strait-south']));
    expect(r.waypointIds).not.toContain('bohai-strait');
    const gcM = greatCircleM(at('hub-dalian'), at('hub-guangzhou'));
    expect(r.distanceM).toBeGreaterThan(1.15 * gcM);
    // it passes through the strait: a drawn point within 30 km of the mid-channel point (119.7°E 24.6°N)
    expect(Math.min(...r.coordinates.map((c) => distance(c, [119.7, 24.6])))).toBeLessThan(30);
  });

  it('leaves the Bohai Sea through the Bohai Strait (Tianjin → Guangzhou, Dalian → Tianjin)', () => {
    expect(route('hub-tianjin', 'hub-guangzhou').waypointIds).toEqual(expect.arrayContaining(['bohai-central', 'bohai-strait', 'taiwan-strait-mid']));
    expect(route('hub-dalian', 'hub-tianjin').waypointIds).toEqual(['dalian-approach', 'bohai-strait', 'bohai-central', 'tianjin-approach']);
    // Shanghai → Tianjin goes round Shandong instead of over it
    expect(route('hub-shanghai', 'hub-tianjin').waypointIds).toEqual(expect.arrayContaining(['chengshan-cape', 'bohai-strait']));
  });

  it('routes Shanghai → Dubai through the Singapore Strait, the Strait of Malacca and the Strait of Hormuz, in that order', () => {
    const ids = route('hub-shanghai', 'ehub-dubai').waypointIds;
    const order = ['taiwan-strait-mid', 'singapore-strait', 'malacca-north', 'dondra-head', 'strait-of-hormuz', 'dubai-approach'].map((id) => ids.indexOf(id));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('gives every sea lane of data/lanes.csv a route that starts and ends at its places', () => {
    expect(seaLanes.length).toBeGreaterThan(40);
    for (const lane of seaLanes) {
      const r = route(lane.from, lane.to);
      expect(r, `${lane.from}–${lane.to}`).not.toBeNull();
      expect(r.coordinates[0]).toEqual(at(lane.from));
      expect(r.coordinates.at(-1)).toEqual(at(lane.to));
      expect(r.distanceM).toBeGreaterThanOrEqual(greatCircleM(at(lane.from), at(lane.to)));
    }
  });

  it('joins every sea port to a waypoint within 100 km', () => {
    const ports = network.data.hubs.filter((h) => h.modes.includes('sea'));
    expect(ports.length).toBeGreaterThanOrEqual(11);
    for (const h of ports) expect(nearestWaypoint(sea, [h.lon, h.lat]).distanceM, h.id).toBeLessThan(100_000);
  });

  it('keeps the waypoint part of every sea-lane route off China (data/basemap/china-provinces.geojson)', () => {
    const china = JSON.parse(readFileSync(join(dataDir, 'basemap/china-provinces.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const onChina = landTest(china.features);
    expect(onChina([116.4, 39.9])).toBe(true); // Beijing: the test can fail
    const byId = new Map(sea.waypoints.map((w) => [w.id, w]));
    for (const lane of seaLanes) {
      const r = route(lane.from, lane.to);
      // the approach legs join inland city coordinates to the sea and are left out
      const first = byId.get(r.waypointIds[0])!;
      const last = byId.get(r.waypointIds.at(-1)!)!;
      const i0 = r.coordinates.findIndex(([x, y]) => x === first.lon && y === first.lat);
      const i1 = r.coordinates.findLastIndex(([x, y]) => x === last.lon && y === last.lat);
      expect(i0, lane.from).toBeGreaterThan(0);
      for (const p of r.coordinates.slice(i0, i1 + 1)) expect(onChina(p), `${lane.from}–${lane.to} at ${p}`).toBe(false);
    }
  });

  it('keeps every sea edge off Natural Earth land (world-atlas land-50m), checked every ~5 km', () => {
    const require = createRequire(import.meta.url);
    const topo = require('world-atlas/land-50m.json');
    const land = feature(topo, topo.objects.land) as unknown as FeatureCollection<Polygon | MultiPolygon>;
    const onLand = landTest(land.features);
    expect(onLand([2.35, 48.86])).toBe(true); // Paris: the test can fail
    for (const w of sea.waypoints) expect(onLand([w.lon, w.lat]), w.id).toBe(false);
    sea.waypoints.forEach((w, i) => {
      for (const leg of sea.legs[i]) {
        if (leg.to < i) continue;
        const v = sea.waypoints[leg.to];
        const r = seaRoute(sea, [w.lon, w.lat], [v.lon, v.lat], { pointSpacingM: 5_000 })!;
        // adjacent waypoints: the route is the edge itself
        if (r.waypointIds.length !== 2) continue;
        for (const p of r.coordinates) expect(onLand(p), `${w.id}–${v.id} at ${p}`).toBe(false);
      }
    });
  });
});

/** A point-in-land test over polygon features, with a bounding-box prefilter. */
function landTest(features: Feature<Polygon | MultiPolygon>[]): (p: LonLat) => boolean {
  const parts: { poly: Feature<Polygon>; box: number[] }[] = [];
  for (const f of features) {
    const g = f.geometry;
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const poly = polygon(rings);
      parts.push({ poly, box: bbox(poly) });
    }
  }
  return (p) => parts.some(({ poly, box }) => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3] && booleanPointInPolygon(p, poly));
}
