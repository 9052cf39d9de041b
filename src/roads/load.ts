import { basename } from 'node:path';
import { InputError } from '../shared/errors.js';
import { loadRoadBin } from './bin.js';
import { loadRoadCsv } from './csv.js';
import { loadOsmPbf } from './osm.js';
import type { RoadGraph } from './types.js';

/** The road-graph file kinds `loadRoadGraph` reads, by file name ending. */
export const ROAD_GRAPH_KINDS = ['.osm.pbf', '.nodes.csv (with .edges.csv beside it)', '.gr.bin (with .co.bin beside it)'];

/**
 * Loads a road graph file by its name: `.osm.pbf` (OpenStreetMap extract),
 * `NAME.nodes.csv` with `NAME.edges.csv`, or `NAME.gr.bin` with `NAME.co.bin`.
 * Returns the whole graph, not yet restricted to a component.
 */
export function loadRoadGraph(path: string): RoadGraph {
  if (path.endsWith('.osm.pbf')) return loadOsmPbf(path);
  if (path.endsWith('.nodes.csv')) return loadRoadCsv(path);
  if (path.endsWith('.gr.bin')) return loadRoadBin(path);
  if (path.endsWith('.edges.csv')) return loadRoadCsv(path.replace(/\.edges\.csv$/, '.nodes.csv'));
  if (path.endsWith('.co.bin')) return loadRoadBin(path.replace(/\.co\.bin$/, '.gr.bin'));
  throw new InputError(`unknown road graph format "${basename(path)}": expected ${ROAD_GRAPH_KINDS.join(', ')}`, 'graph');
}
