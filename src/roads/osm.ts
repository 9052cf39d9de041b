import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { DataError } from '../shared/errors.js';
import { ArcListBuilder } from './build.js';
import { haversineM } from './geo.js';
import { CAR_HIGHWAYS, classSpeedKmh, parseMaxspeedKmh, travelTimeS } from './speeds.js';
import type { RoadGraph } from './types.js';
import { readInputFile } from './files.js';
import { pbfBlocks } from './pbf-blocks.js';

interface OsmElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  lat?: number;
  lon?: number;
  nodes?: number[];
  tags?: Record<string, string>;
}
type TinyOsmPbf = (data: Uint8Array, handler?: (e: OsmElement) => void) => unknown;
const tinyOsmPbf = createRequire(import.meta.url)('tiny-osmpbf') as TinyOsmPbf;

/** Travel directions of a way: forward along its node list, backward, or both. */
export interface WayDirections {
  forward: boolean;
  backward: boolean;
}

/**
 * Directions a car may drive on a way. oneway=yes/1/true: forward only;
 * oneway=-1/reverse: backward only; oneway=no/false/0: both. Without a tag,
 * motorways and roundabouts (junction=roundabout/circular) are one-way.
 * oneway=reversible/alternating ways are not routable (returns neither).
 */
export function wayDirections(tags: Record<string, string>): WayDirections {
  const oneway = tags.oneway?.trim().toLowerCase();
  if (oneway === 'yes' || oneway === '1' || oneway === 'true') return { forward: true, backward: false };
  if (oneway === '-1' || oneway === 'reverse') return { forward: false, backward: true };
  if (oneway === 'reversible' || oneway === 'alternating') return { forward: false, backward: false };
  if (oneway === 'no' || oneway === 'false' || oneway === '0') return { forward: true, backward: true };
  const implied = tags.highway === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular';
  return { forward: true, backward: !implied };
}

/**
 * Whether a way is a car road: a highway class of `CAR_HIGHWAYS`, not
 * access=no/private, not area=yes.
 */
export function isCarRoad(tags: Record<string, string> | undefined): boolean {
  if (!tags || !CAR_HIGHWAYS.has(tags.highway)) return false;
  if (tags.access === 'no' || tags.access === 'private') return false;
  if (tags.area === 'yes') return false;
  return true;
}

/** Speeds (km/h) of a way per direction: maxspeed[:forward|:backward] where present, else by class. */
export function waySpeedsKmh(tags: Record<string, string>): { forward: number; backward: number } {
  const byClass = classSpeedKmh(tags.highway);
  const both = parseMaxspeedKmh(tags.maxspeed);
  return {
    forward: parseMaxspeedKmh(tags['maxspeed:forward']) ?? both ?? byClass,
    backward: parseMaxspeedKmh(tags['maxspeed:backward']) ?? both ?? byClass,
  };
}

/**
 * Builds the car road graph of an OpenStreetMap extract (.osm.pbf bytes).
 * Every node of a car road becomes a graph node (shape nodes included, so
 * geometry is exact); each pair of consecutive way nodes gives one arc per
 * allowed direction, with its haversine length and the travel time at the
 * way's speed. Way nodes missing from the extract cut the way there.
 * The result is the whole road graph; restrict it with `largestStronglyConnected`.
 */
export function parseOsmPbf(bytes: Uint8Array, file = 'input.osm.pbf', onBlock?: (fraction: number) => void): RoadGraph {
  let nodeIds: Float64Array = new Float64Array(1 << 16);
  let nodeLat: Float64Array = new Float64Array(1 << 16);
  let nodeLon: Float64Array = new Float64Array(1 << 16);
  let nodeCount = 0;
  const ways: { refs: number[]; dir: WayDirections; speed: { forward: number; backward: number } }[] = [];
  const handler = (e: OsmElement): void => {
    if (e.type === 'node') {
      if (nodeCount === nodeIds.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        nodeIds = grow(nodeIds);
        nodeLat = grow(nodeLat);
        nodeLon = grow(nodeLon);
      }
      nodeIds[nodeCount] = e.id;
      nodeLat[nodeCount] = e.lat ?? NaN;
      nodeLon[nodeCount] = e.lon ?? NaN;
      nodeCount++;
    } else if (e.type === 'way' && isCarRoad(e.tags) && e.nodes && e.nodes.length >= 2) {
      const dir = wayDirections(e.tags!);
      if (dir.forward || dir.backward) ways.push({ refs: e.nodes, dir, speed: waySpeedsKmh(e.tags!) });
    }
  };
  const blocks = pbfBlocks(bytes);
  if (typeof blocks === 'string') throw new DataError(basename(file), undefined, undefined, `not a readable .osm.pbf file (${blocks})`);
  // tiny-osmpbf copies its whole input once per block; feed it one block at a time (after the header block).
  const head = bytes.subarray(blocks[0].start, blocks[0].end);
  for (let i = 1; i < blocks.length; i++) {
    const blk = blocks[i];
    if (blk.type !== 'OSMData') continue;
    const part = new Uint8Array(head.length + blk.end - blk.start);
    part.set(head, 0);
    part.set(bytes.subarray(blk.start, blk.end), head.length);
    try {
      tinyOsmPbf(part, handler);
    } catch (err) {
      throw new DataError(basename(file), undefined, undefined, `not a readable .osm.pbf file (block at byte ${blk.start}: ${(err as Error).message})`);
    }
    onBlock?.(i / (blocks.length - 1));
  }
  if (nodeCount === 0) throw new DataError(basename(file), undefined, undefined, 'no OSM nodes found: not an .osm.pbf extract?');
  if (ways.length === 0) throw new DataError(basename(file), undefined, undefined, 'no car-routable roads in this extract');

  const osmIndex = idLookup(nodeIds.subarray(0, nodeCount));
  // Dense road-node numbering, in order of first use by a kept way.
  const roadOf = new Int32Array(nodeCount).fill(-1);
  const roadSrc: number[] = [];
  const road = (osmIdx: number): number => {
    let r = roadOf[osmIdx];
    if (r < 0) {
      r = roadOf[osmIdx] = roadSrc.length;
      roadSrc.push(osmIdx);
    }
    return r;
  };
  const arcs = new ArcListBuilder();
  for (const w of ways) {
    let prev = -1;
    for (const ref of w.refs) {
      const cur = osmIndex(ref);
      if (cur < 0 || !Number.isFinite(nodeLat[cur]) || !Number.isFinite(nodeLon[cur])) {
        prev = -1;
        continue;
      }
      if (prev >= 0 && prev !== cur) {
        const a = road(prev);
        const b = road(cur);
        const d = haversineM(nodeLon[prev], nodeLat[prev], nodeLon[cur], nodeLat[cur]);
        if (w.dir.forward) arcs.add(a, b, d, travelTimeS(d, w.speed.forward));
        if (w.dir.backward) arcs.add(b, a, d, travelTimeS(d, w.speed.backward));
      }
      prev = cur;
    }
  }
  const n = roadSrc.length;
  if (n === 0) throw new DataError(basename(file), undefined, undefined, 'the car roads reference no node of the extract');
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const ids = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = roadSrc[r];
    x[r] = nodeLon[i];
    y[r] = nodeLat[i];
    ids[r] = nodeIds[i];
  }
  return arcs.build({ x, y, ids, projected: false, source: basename(file) });
}

/**
 * Index of an OSM id among `ids` (-1 if absent) by binary search: over the
 * ids themselves when they are sorted (as in extracts from osmium/osmosis),
 * else over a sorted permutation. Uses far less memory than a Map on big extracts.
 */
export function idLookup(ids: Float64Array): (id: number) => number {
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) if (ids[i] < ids[i - 1]) sorted = false;
  const perm = sorted ? null : Int32Array.from(ids.keys()).sort((a, b) => ids[a] - ids[b]);
  const key = perm ? (i: number): number => ids[perm[i]] : (i: number): number => ids[i];
  return (id) => {
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = key(mid);
      if (k < id) lo = mid + 1;
      else if (k > id) hi = mid - 1;
      else return perm ? perm[mid] : mid;
    }
    return -1;
  };
}

/** Reads and parses an .osm.pbf file (see `parseOsmPbf`). */
export function loadOsmPbf(path: string, onBlock?: (fraction: number) => void): RoadGraph {
  return parseOsmPbf(readInputFile(path), path, onBlock);
}

