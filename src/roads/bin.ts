import { basename } from 'node:path';
import { DataError } from '../shared/errors.js';
import { ArcListBuilder } from './build.js';
import { readInputFile } from './files.js';
import { classSpeedKmh, travelTimeS } from './speeds.js';
import type { RoadGraph } from './types.js';

function int32s(bytes: Uint8Array, file: string, what: string): Int32Array {
  if (bytes.byteLength % 8 !== 0) {
    throw new DataError(file, undefined, undefined, `${what}: size ${bytes.byteLength} bytes is not a whole number of Int32 pairs`);
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const dv = new DataView(copy.buffer);
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = dv.getInt32(i * 4, true);
  return out;
}

/**
 * Parses the `.co.bin` + `.gr.bin` pair (little-endian Int32 pairs: node
 * coordinates (x, y), node id = pair index + 1; undirected edges (fromId,
 * toId), 1-based). Coordinates are projected; edges are two-way with their
 * euclidean length, and a travel time at the `road` class speed. Errors name
 * the record (1-based) and field.
 */
export function parseRoadBin(coBytes: Uint8Array, grBytes: Uint8Array, coFile = 'graph.co.bin', grFile = 'graph.gr.bin'): RoadGraph {
  const co = int32s(coBytes, coFile, 'coordinates');
  const gr = int32s(grBytes, grFile, 'edges');
  const n = co.length / 2;
  if (n === 0) throw new DataError(coFile, undefined, undefined, 'no nodes');
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = co[2 * i];
    y[i] = co[2 * i + 1];
    ids[i] = i + 1;
  }
  const speed = classSpeedKmh('road');
  const arcs = new ArcListBuilder();
  for (let e = 0; e < gr.length / 2; e++) {
    const a = gr[2 * e];
    const b = gr[2 * e + 1];
    if (a < 1 || a > n) throw new DataError(grFile, e + 1, 'fromId', `unknown node id ${a} (ids are 1..${n})`);
    if (b < 1 || b > n) throw new DataError(grFile, e + 1, 'toId', `unknown node id ${b} (ids are 1..${n})`);
    const d = Math.hypot(x[a - 1] - x[b - 1], y[a - 1] - y[b - 1]);
    const t = travelTimeS(d, speed);
    arcs.add(a - 1, b - 1, d, t);
    arcs.add(b - 1, a - 1, d, t);
  }
  return arcs.build({ x, y, ids, projected: true, source: basename(coFile).replace(/\.co\.bin$/, '') });
}

/** Reads `NAME.gr.bin` and the `NAME.co.bin` beside it. */
export function loadRoadBin(grPath: string): RoadGraph {
  if (!grPath.endsWith('.gr.bin')) throw new DataError(basename(grPath), undefined, undefined, 'expected a NAME.gr.bin file');
  const coPath = grPath.replace(/\.gr\.bin$/, '.co.bin');
  const gr = readInputFile(grPath);
  const co = readInputFile(coPath);
  return parseRoadBin(co, gr, basename(coPath), basename(grPath));
}
