import { basename } from 'node:path';
import { DataError } from '../shared/errors.js';
import { ArcListBuilder } from './build.js';
import { readInputFile } from './files.js';
import { classSpeedKmh, travelTimeS } from './speeds.js';
import type { RoadGraph } from './types.js';

const NODE_HEADER = ['idx', 'osm_id', 'lat', 'lon'];
const EDGE_HEADER = ['from', 'to', 'meters', 'oneway', 'highway'];

function lines(text: string): string[] {
  const out = text.split('\n');
  if (out.length && out[out.length - 1] === '') out.pop();
  return out.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

function checkHeader(file: string, got: string | undefined, want: string[]): void {
  const cols = (got ?? '').split(',').map((c) => c.trim());
  if (cols.length !== want.length || cols.some((c, i) => c !== want[i])) {
    throw new DataError(file, 1, undefined, `header must be "${want.join(',')}", got "${got ?? ''}"`);
  }
}

function num(file: string, line: number, field: string, s: string | undefined): number {
  const v = s === undefined || s.trim() === '' ? NaN : Number(s);
  if (!Number.isFinite(v)) throw new DataError(file, line, field, `not a number: "${s ?? ''}"`);
  return v;
}

/**
 * Parses the bench CSV road graph (formats in shared/bench/roads/dev/README.txt):
 * `NAME.nodes.csv` (idx,osm_id,lat,lon; idx dense from 0) and `NAME.edges.csv`
 * (from,to,meters,oneway,highway; oneway 1 = from->to only, -1 = to->from only,
 * 0 = both). Travel time uses the class speed of `highway`. Node ids in
 * results are the idx values. Errors name the file, line and field.
 */
export function parseRoadCsv(nodesText: string, edgesText: string, nodesFile = 'nodes.csv', edgesFile = 'edges.csv'): RoadGraph {
  const nl = lines(nodesText);
  checkHeader(nodesFile, nl[0], NODE_HEADER);
  const n = nl.length - 1;
  if (n <= 0) throw new DataError(nodesFile, undefined, undefined, 'no nodes');
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const c = nl[i + 1].split(',');
    if (c.length !== 4) throw new DataError(nodesFile, line, undefined, `expected 4 fields, got ${c.length}`);
    const idx = num(nodesFile, line, 'idx', c[0]);
    if (idx !== i) throw new DataError(nodesFile, line, 'idx', `expected ${i} (dense, in order), got ${c[0]}`);
    const lat = num(nodesFile, line, 'lat', c[2]);
    const lon = num(nodesFile, line, 'lon', c[3]);
    if (lat < -90 || lat > 90) throw new DataError(nodesFile, line, 'lat', `out of range: ${lat}`);
    if (lon < -180 || lon > 180) throw new DataError(nodesFile, line, 'lon', `out of range: ${lon}`);
    ids[i] = idx;
    x[i] = lon;
    y[i] = lat;
  }
  const el = lines(edgesText);
  checkHeader(edgesFile, el[0], EDGE_HEADER);
  const arcs = new ArcListBuilder();
  for (let i = 1; i < el.length; i++) {
    const line = i + 1;
    const c = el[i].split(',');
    if (c.length !== 5) throw new DataError(edgesFile, line, undefined, `expected 5 fields, got ${c.length}`);
    const from = num(edgesFile, line, 'from', c[0]);
    const to = num(edgesFile, line, 'to', c[1]);
    if (!Number.isInteger(from) || from < 0 || from >= n) throw new DataError(edgesFile, line, 'from', `unknown node ${c[0]}`);
    if (!Number.isInteger(to) || to < 0 || to >= n) throw new DataError(edgesFile, line, 'to', `unknown node ${c[1]}`);
    const meters = num(edgesFile, line, 'meters', c[2]);
    if (meters < 0) throw new DataError(edgesFile, line, 'meters', `negative length ${meters}`);
    const oneway = c[3].trim();
    if (oneway !== '0' && oneway !== '1' && oneway !== '-1') throw new DataError(edgesFile, line, 'oneway', `must be 0, 1 or -1, got "${c[3]}"`);
    const highway = c[4].trim();
    if (highway === '') throw new DataError(edgesFile, line, 'highway', 'empty');
    const t = travelTimeS(meters, classSpeedKmh(highway));
    if (oneway !== '-1') arcs.add(from, to, meters, t);
    if (oneway !== '1') arcs.add(to, from, meters, t);
  }
  return arcs.build({ x, y, ids, projected: false, source: basename(nodesFile).replace(/\.nodes\.csv$/, '') });
}

/** Reads `NAME.nodes.csv` and the `NAME.edges.csv` beside it. */
export function loadRoadCsv(nodesPath: string): RoadGraph {
  if (!nodesPath.endsWith('.nodes.csv')) throw new DataError(basename(nodesPath), undefined, undefined, 'expected a NAME.nodes.csv file');
  const edgesPath = nodesPath.replace(/\.nodes\.csv$/, '.edges.csv');
  const nodes = readInputFile(nodesPath).toString('utf8');
  const edges = readInputFile(edgesPath).toString('utf8');
  return parseRoadCsv(nodes, edges, basename(nodesPath), basename(edgesPath));
}
