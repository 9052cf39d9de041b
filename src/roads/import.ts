import { basename } from 'node:path';
import { loadRoadGraph } from './load.js';
import { prepareRoadNetwork, type PrepareOptions } from './network.js';
import { saveRoadNetwork, type PreparedHeader } from './storage.js';

/**
 * Imports a road graph file (.osm.pbf, or the bench CSV/.bin formats) into a
 * prepared graph directory: largest strongly connected component, both
 * hierarchies, written atomically (see `saveRoadNetwork`).
 */
export function importRoadGraph(file: string, outDir: string, opts: PrepareOptions = {}): PreparedHeader {
  opts.onProgress?.('reading', 0);
  const loaded = loadRoadGraph(file);
  opts.onProgress?.('reading', 1);
  const name = opts.name ?? basename(outDir);
  const net = prepareRoadNetwork(loaded, { ...opts, name });
  return saveRoadNetwork(net, outDir, (f) => opts.onProgress?.(`writing ${f}`, 0));
}
