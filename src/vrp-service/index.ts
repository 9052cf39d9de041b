/** VRP service: request → routing problem → solution → answer (steps, costs, GeoJSON, KPIs). See types.ts for the format. */
export * from './types.js';
export { buildVrp, checkSolvable, VRP_DEFAULTS, NAMED_DIMENSIONS, type BuiltVrp } from './build.js';
export { assembleResult } from './output.js';
export { solveVrp, evaluateVrp, solveRaw, resultOf, jobInputOf, type RawPlan, type VrpJobInput } from './run.js';
export { greatCircleM } from './travel.js';
export { parseStopsCsv, parseVehiclesCsv, requestFromCsv, planToCsv, parseClock, formatClock, STOP_COLUMNS, VEHICLE_COLUMNS } from './csv.js';
