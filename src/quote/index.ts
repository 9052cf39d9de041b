/** Public entry of the quote stage. */
export { QuoteEngine } from './quote.js';
export type { QuoteRequest, QuoteResult, QuoteOption, QuoteLeg, BreakdownLine, QuoteTag, Location, QuoteOptions, PlaceSummary, QuoteCacheStats } from './quote.js';
export type { PathSummary } from './route-plan.js';
export { chargeableWeight, type ChargeableWeight, type Dimensions } from './chargeable.js';
export { schedule, scheduleFrom, type Schedule, type ScheduleInput } from './schedule.js';
export { loadTariff, validateTariff, TariffSchema, type Tariff, type Service } from './tariff.js';
export { PathTreeCache } from './path-cache.js';
export { quoteBatch, quoteBatchJson, quoteBatchCsv, parseBatchCsv, batchToCsv, type BatchRow, type BatchResult } from './batch.js';
export { ByteOut } from './byte-out.js';
