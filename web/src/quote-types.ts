// Types of the quote API (POST /api/quotes and /api/quotes/batch) as the map UI reads them.
import type { LineString } from 'geojson';
import type { Mode } from './types.js';

/** The body of `POST /api/quotes`. */
export interface QuoteRequest {
  origin: string;
  destination: string;
  weightKg: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
  declaredValueCny?: number;
  /** A service id, or "all" (default). */
  service?: string;
  /** ISO 8601 hand-in time (default: now). */
  shipAt?: string;
}

/** One line of a price breakdown. */
export interface BreakdownLine {
  /** firstMile, lineHaul, sorting, lastMile, customs, fuel, remote, insurance, congestion, margin or minimumCharge. */
  component: string;
  amountCny: number;
  detail: string;
}

/** One leg of an option's path: between two places (city or hub ids) by one mode. */
export interface QuotePathLeg {
  from: string;
  to: string;
  mode: Mode;
  distanceM: number;
  durationS: number;
}

/** An option's path through the network. */
export interface QuotePath {
  /** Names of the hubs passed, in order. */
  hubs: string[];
  /** Ids of the hubs passed, in order. */
  hubIds: string[];
  modes: Mode[];
  distanceM: number;
  durationS: number;
  legs: QuotePathLeg[];
  /** Place to place, the legs one after the other. */
  geometry?: LineString;
}

/** One priced service level. */
export interface QuoteOption {
  service: string;
  label: string;
  description: string;
  priceCny: number;
  costCny: number;
  currency: 'CNY';
  breakdown: BreakdownLine[];
  chargeableWeightKg: number;
  weightBasis: 'actual' | 'volumetric';
  transitDays: number;
  /** YYYY-MM-DD, China Standard Time. */
  deliveryDate: string;
  departAt: string;
  arriveAt: string;
  co2Kg: number;
  path: QuotePath;
  /** cheapest, fastest, lowestCo2. */
  tags: string[];
}

/** A named end of a quote. */
export interface QuotePlace {
  id: string;
  name: string;
  nameZh: string;
  snappedFromM?: number;
}

/** The 200 response of `POST /api/quotes`. */
export interface QuoteResult {
  origin: QuotePlace;
  destination: QuotePlace;
  actualWeightKg: number;
  volumetricWeightKg: number | null;
  options: QuoteOption[];
  unavailable: { service: string; reason: string }[];
}
