// Types of the quote API (POST /api/quotes and /api/quotes/batch) as the map UI reads them: src/'s own
// types (type-only imports, erased from the bundle). QuoteEngine.quoteJson writes exactly these shapes.
export type { BreakdownLine, QuoteOption, QuoteRequest, QuoteResult } from '../../src/quote/quote-types.js';
/** One leg of an option's path: between two places (city or hub ids) by one mode. */
export type { QuoteLeg as QuotePathLeg } from '../../src/quote/quote-types.js';
/** A named end of a quote. */
export type { PlaceSummary as QuotePlace } from '../../src/quote/quote-types.js';
/** An option's path through the network (geometry only with `?geometry=true`). */
export type { PathSummary as QuotePath } from '../../src/quote/route-plan.js';
