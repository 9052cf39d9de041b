/** Public entry of the SYNTHETIC parcel-demand generator. */
export { generateDemand, SYNTHETIC_NOTE, type CityDemand, type DemandCity, type DemandSeries } from './generator.js';
export { DEFAULT_DEMAND_PARAMS, type DemandParams } from './params.js';
export { SPRING_FESTIVAL } from './calendar.js';
