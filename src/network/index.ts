/** Public entry of the network stage. */
export * from './types.js';
export { loadNetworkData } from './load.js';
export { Network } from './network.js';
export { buildGraph, greatCircleM, edgeAttributes, laneDistanceM, laneId, type NetworkGraph } from './graph.js';
export { loadSeaGraph, parseSeaGraph, seaRoute, nearestWaypoint, SEA_ROUTE_DEFAULTS, type SeaGraph, type SeaRoute, type SeaRouteOptions, type Waypoint } from './sea.js';
export { findPath, shortestPath, shortestPathsFrom, describePath, noPathReason, resolvePathOptions, edgeWeight, pathGeometry, legLine, arc, OBJECTIVES, PATH_DEFAULTS } from './paths.js';
export type { Objective, PathQuery, PathLeg, PathTotals, PathResult, RawPath } from './paths.js';
export { networkGeoJson } from './geojson.js';
export { CompiledGraph } from './compiled.js';
