/**
 * Public entry of the hub allocation model: demand (given or SYNTHETIC
 * gravity), the path-based multi-echelon flow model over the hub network,
 * its decoding into flows, hub use, costs and unmet demand, and capacity prices.
 */
export type * from './types.js';
export { gravityOd, syntheticDemand, syntheticTotalKgPerDay, GRAVITY_DEFAULTS, SYNTHETIC_DEMAND_NOTE, type GravityParams } from './demand.js';
export { HUB_MODEL_DEFAULTS, resolveOptions, validateDemand, validateOverrides } from './validate.js';
export { buildRoutes, type RouteSet } from './routes.js';
export { buildHubModel, type HubModel } from './model.js';
export { defaultLaneFixedCnyPerDay, type LaneChoice } from './lanes-to-run.js';
export { fixChoice, mipStartFrom } from './fix-choice.js';
export { decodeAllocation, type AllocationFlows, type LaneFlow, type LaneRun, type HubUse, type CostBreakdown, type UnmetDemand } from './decode.js';
export { hubCapacityPrices, unusedTrunkLanes, congestionPrices, type HubCapacityPrice, type UnusedLane } from './prices.js';
export { flowsGeoJson } from './geojson.js';
export { allocate, type Allocation, type AllocateOptions } from './allocate.js';
