import type { Mode, Place } from '../network/index.js';
import type { BreakdownLine, Money, PricedLines } from './pricing.js';
import type { PathSummary, RoutePlan } from './route-plan.js';
import type { Arrival, Departure } from './schedule.js';
import type { Service } from './tariff.js';

export type { BreakdownLine } from './pricing.js';

/** A city or hub id or name, or a [lon, lat] coordinate snapped to the nearest city or eHub. */
export type Location = string | [number, number];

export interface QuoteRequest {
  origin: Location;
  destination: Location;
  weightKg: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
  declaredValueCny?: number;
  /** A service id, or "all" (default). */
  service?: string;
  /** ISO 8601 hand-in time; default: the engine's clock. */
  shipAt?: string;
}

export type QuoteTag = 'cheapest' | 'fastest' | 'lowestCo2';

/** One rated service level. */
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
  deliveryDate: string;
  departAt: string;
  arriveAt: string;
  co2Kg: number;
  path: PathSummary;
  tags: QuoteTag[];
}

/** One leg of an option's path (ids of cities and hubs). */
export interface QuoteLeg {
  from: string;
  to: string;
  mode: Mode;
  distanceM: number;
  durationS: number;
}

export interface PlaceSummary {
  id: string;
  name: string;
  nameZh: string;
  /** Set when the request gave a coordinate: the distance to the place it was snapped to. */
  snappedFromM?: number;
}

/** The answer to one quote request. */
export interface QuoteResult {
  origin: PlaceSummary;
  destination: PlaceSummary;
  actualWeightKg: number;
  volumetricWeightKg: number | null;
  options: QuoteOption[];
  unavailable: { service: string; reason: string }[];
}

export interface QuoteOptions {
  /** Add each option's path geometry (off in batches). */
  geometry?: boolean;
}

/** A located end of a quote. */
export interface Located {
  place: Place;
  /** The place's number in network.places. */
  no: number;
  snappedFromM?: number;
}

/** An option before it is written out as an object or as JSON. */
export interface RatedOption {
  svc: Service;
  plan: RoutePlan;
  chargeKg: number;
  basis: 'actual' | 'volumetric';
  /** The path's lines for this parcel. */
  priced: PricedLines;
  money: Money;
  /** The service's departure for this hand-in (shared) and this path's arrival after it. */
  departure: Departure;
  arrival: Arrival;
  co2Kg: number;
  tags: QuoteTag[];
}

/** A quote before it is written out (QuoteEngine.quote writes objects, quoteJson JSON text). */
export interface Rating {
  origin: Located;
  destination: Located;
  actualWeightKg: number;
  volumetricWeightKg: number | null;
  options: RatedOption[];
  unavailable: { service: string; reason: string }[];
  geometry: boolean;
  /** As in the request (insurance lines name it). */
  declaredValueCny: number | undefined;
}
