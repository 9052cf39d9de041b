import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError, InputError } from '../shared/errors.js';
import { readArrays, writeArrays, type ArrayEntry } from './binary-io.js';
import type { Hierarchy, UpwardGraph } from './ch/hierarchy.js';
import { RoadNetwork, type RoadGraphInfo } from './network.js';
import { METRICS, type Metric, type RoadGraph } from './types.js';

/** Name of the JSON header of a prepared road graph directory. */
export const HEADER_FILE = 'roads.json';
const FORMAT = 'hubflow-prepared-road-graph';
const VERSION = 1;

interface FileDirectory {
  file: string;
  bytes: number;
  arrays: ArrayEntry[];
}

/** The JSON header of a prepared road graph. */
export interface PreparedHeader extends RoadGraphInfo {
  format: typeof FORMAT;
  version: number;
  graph: FileDirectory;
  hierarchies: Partial<Record<Metric, FileDirectory>>;
}

function upwardArrays(prefix: string, u: UpwardGraph): Record<string, Int32Array | Float64Array> {
  return {
    [`${prefix}Offsets`]: u.offsets,
    [`${prefix}Targets`]: u.targets,
    [`${prefix}Weight`]: u.weight,
    [`${prefix}Secondary`]: u.secondary,
    [`${prefix}Middle`]: u.middle,
  };
}

/**
 * Writes a prepared road network to `dir`: graph.bin, ch-<metric>.bin and
 * the header roads.json. Everything is written into a temporary sibling
 * directory that replaces `dir` only at the end, so an interrupted write
 * never leaves a half-written graph behind.
 */
export function saveRoadNetwork(net: RoadNetwork, dir: string, onProgress?: (file: string) => void): PreparedHeader {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    const g = net.graph;
    onProgress?.('graph.bin');
    const gw = writeArrays(join(tmp, 'graph.bin'), {
      offsets: g.offsets,
      targets: g.targets,
      distanceM: g.distanceM,
      durationS: g.durationS,
      x: g.x,
      y: g.y,
      ids: g.ids,
    });
    const hierarchies: Partial<Record<Metric, FileDirectory>> = {};
    for (const metric of METRICS) {
      const h = net.hierarchies[metric];
      if (!h) continue;
      const file = `ch-${metric}.bin`;
      onProgress?.(file);
      const w = writeArrays(join(tmp, file), {
        rank: h.rank,
        order: h.order,
        ...upwardArrays('forward', h.forward),
        ...upwardArrays('backward', h.backward),
      });
      hierarchies[metric] = { file, bytes: w.bytes, arrays: w.entries };
    }
    const header: PreparedHeader = {
      format: FORMAT,
      version: VERSION,
      ...net.info,
      graph: { file: 'graph.bin', bytes: gw.bytes, arrays: gw.entries },
      hierarchies,
    };
    onProgress?.(HEADER_FILE);
    writeFileSync(join(tmp, HEADER_FILE), JSON.stringify(header, null, 2) + '\n');
    const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
    return header;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Reads the JSON header of a prepared road graph directory. */
export function readPreparedHeader(dir: string): PreparedHeader {
  const path = join(dir, HEADER_FILE);
  if (!existsSync(path)) throw new InputError(`not a prepared road graph (no ${HEADER_FILE}): ${dir}`, 'dir');
  let header: PreparedHeader;
  try {
    header = JSON.parse(readFileSync(path, 'utf8')) as PreparedHeader;
  } catch (e) {
    throw new DataError(HEADER_FILE, undefined, undefined, `not valid JSON (${(e as Error).message})`);
  }
  if (header.format !== FORMAT) throw new DataError(HEADER_FILE, undefined, 'format', `expected "${FORMAT}"`);
  if (header.version !== VERSION) throw new DataError(HEADER_FILE, undefined, 'version', `version ${header.version} is not supported (expected ${VERSION})`);
  return header;
}

/**
 * Loads a prepared road graph written by `saveRoadNetwork` (or
 * `hubflow roads import`): a few file reads and no preprocessing.
 */
export function loadPreparedRoadGraph(dir: string): RoadNetwork {
  const header = readPreparedHeader(dir);
  const a = readArrays(join(dir, header.graph.file), header.graph.arrays, header.graph.bytes);
  const graph: RoadGraph = {
    nodeCount: header.nodeCount,
    arcCount: header.arcCount,
    offsets: a.offsets as Int32Array,
    targets: a.targets as Int32Array,
    distanceM: a.distanceM as Float64Array,
    durationS: a.durationS as Float64Array,
    x: a.x as Float64Array,
    y: a.y as Float64Array,
    ids: a.ids as Float64Array,
    projected: header.projected,
    source: header.source,
  };
  if (graph.offsets.length !== graph.nodeCount + 1 || graph.targets.length !== graph.arcCount) {
    throw new DataError(header.graph.file, undefined, undefined, 'array sizes do not match the header counts');
  }
  const hierarchies: Partial<Record<Metric, Hierarchy>> = {};
  for (const metric of METRICS) {
    const d = header.hierarchies[metric];
    if (!d) continue;
    const h = readArrays(join(dir, d.file), d.arrays, d.bytes);
    const up = (p: string): UpwardGraph => ({
      offsets: h[`${p}Offsets`] as Int32Array,
      targets: h[`${p}Targets`] as Int32Array,
      weight: h[`${p}Weight`] as Float64Array,
      secondary: h[`${p}Secondary`] as Float64Array,
      middle: h[`${p}Middle`] as Int32Array,
    });
    hierarchies[metric] = {
      metric,
      nodeCount: graph.nodeCount,
      rank: h.rank as Int32Array,
      order: h.order as Int32Array,
      forward: up('forward'),
      backward: up('backward'),
    };
  }
  const { format: _f, version: _v, graph: _g, hierarchies: _h, ...info } = header;
  return new RoadNetwork(graph, hierarchies, info);
}
