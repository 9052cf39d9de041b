/**
 * Public entry of the savings stage: baseline against optimised on the same
 * realised (SYNTHETIC) demand, attribution by Shapley values, and the
 * flywheel over many periods (with bands over seeds).
 */
export { SAVINGS_DEFAULTS, ASSUMPTION_SOURCES, resolveParams, assumptionsTable, checkHubParams, type SavingsParams, type AssumptionRow } from './params.js';
export { shapley } from './shapley.js';
export { ALL_ON, COMPONENTS, measurePeriod, type Switches, type PeriodCosts, type PeriodInput } from './period.js';
export { runFlywheel, topCities, checkPeriods, checkSeed, FLYWHEEL_NOTES, type FlywheelOptions, type FlywheelReport, type FlywheelPeriod, type Attribution } from './flywheel.js';
export { runFlywheelSeeds, band, bandsOf, type Band, type PeriodBand, type FlywheelBandReport } from './bands.js';
export { runSavings, type SavingsOptions, type SavingsReport, type Combination } from './compare.js';
export { lastWeek, forecastWeek, bookingCost, type BookingCost, type ForecastVariant } from './forecast-cost.js';
export { buildAllocationContext, sameHubInputs, DEFAULT_HUB_INPUTS, type HubInputs, baselinePlan, optimisedPlan, executePlan, odKgPerDay, type AllocationContext, type AllocationPlan } from './allocation-cost.js';
export { stationInstance, nearestNeighbourRoutes, routingCost, type StationInstance, type RoutingCost } from './routing-cost.js';
export { buildVolumeModel, type VolumeModel } from './volume.js';
