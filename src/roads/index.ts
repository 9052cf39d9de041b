/**
 * The road layer: street graphs from OpenStreetMap extracts (and the bench
 * CSV/.bin formats), a contraction-hierarchy path engine on typed arrays,
 * travel matrices, and prepared graphs on disk.
 *
 *   const net = loadPreparedRoadGraph('data/roads/baltimore');
 *   route(net, [lon, lat], [lon, lat], { weight: 'time' })  // { distanceM, durationS, geometry } | null
 *   matrix(net, points, { weight: 'time' })                  // { distancesM, durationsS } row-major
 */
export type { LonLat, Metric, RoadGraph } from './types.js';
export { METRICS } from './types.js';
export { loadRoadGraph, ROAD_GRAPH_KINDS } from './load.js';
export { parseOsmPbf, loadOsmPbf, isCarRoad, wayDirections, waySpeedsKmh } from './osm.js';
export { parseRoadCsv, loadRoadCsv } from './csv.js';
export { parseRoadBin, loadRoadBin } from './bin.js';
export { DEFAULT_SPEEDS_KMH, parseMaxspeedKmh } from './speeds.js';
export { largestStronglyConnected, stronglyConnectedComponents } from './scc.js';
export { Dijkstra } from './dijkstra.js';
export { buildHierarchy, CONTRACTION_DEFAULTS, type ContractionOptions } from './ch/contract.js';
export type { Hierarchy } from './ch/hierarchy.js';
export { ChQuery } from './ch/query.js';
export { manyToMany, type ChMatrix } from './ch/many-to-many.js';
export { RoadNetwork, prepareRoadNetwork, OSM_ATTRIBUTION, OSM_LICENCE, type RoadGraphInfo, type PrepareOptions } from './network.js';
export { saveRoadNetwork, loadPreparedRoadGraph, readPreparedHeader, type PreparedHeader } from './storage.js';
export { importRoadGraph } from './import.js';
export {
  route,
  matrix,
  snapPoint,
  ROUTE_DEFAULTS,
  MATRIX_MAX_POINTS,
  type RouteOptions,
  type RouteResult,
  type MatrixOptions,
  type MatrixResult,
  type SnapResult,
} from './route.js';
export { toGraphology } from './graphology.js';
export { streetsGeometry } from './streets-geojson.js';
