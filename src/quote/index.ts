/** Public entry of the quote stage. */
export { QuoteEngine } from './quote.js';
export type { QuoteRequest, QuoteResult, QuoteOption, QuoteLeg, BreakdownLine, QuoteTag, Location, QuoteOptions } from './quote.js';
export { chargeableWeight, type ChargeableWeight, type Dimensions } from './chargeable.js';
export { schedule, type Schedule, type ScheduleInput } from './schedule.js';
export { loadTariff, validateTariff, TariffSchema, type Tariff, type Service } from './tariff.js';
export { PathTreeCache } from './path-cache.js';
export { quoteBatch, parseBatchCsv, batchToCsv, type BatchRow, type BatchResult } from './batch.js';
