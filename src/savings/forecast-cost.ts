import { forecastSafe, modelByName } from '../forecast/index.js';
import { CancelledError } from '../shared/errors.js';

/** Which forecast books the capacity: the baseline's seasonal naive, or the optimised model. */
export type ForecastVariant = 'baseline' | 'optimised';

/** Forecasts of one week per city (parcels sent per day, 7 values each). */
export interface WeekForecast {
  sent: number[][];
  /** Models used per city (with fallbacks), for the record. */
  models: string[];
}

/** Seasonal naive with period 7: next week = the last week, day by day. */
export function lastWeek(y: readonly number[]): number[] {
  const n = y.length;
  return Array.from({ length: 7 }, (_, d) => y[n - 7 + d]);
}

/**
 * Forecasts next week's parcels sent from each city: the baseline repeats the
 * last week (seasonal naive, period 7); the optimised plan runs the forecasting
 * stage (`forecastSafe` with the named model, weekly season tested) on the whole
 * history so far. Forecasts are clipped at 0.
 */
export function forecastWeek(history: readonly (readonly number[])[], variant: ForecastVariant, modelName: string, signal?: AbortSignal): WeekForecast {
  const model = variant === 'optimised' ? modelByName(modelName) : null;
  const sent: number[][] = [];
  const models: string[] = [];
  for (const y of history) {
    if (signal?.aborted) throw new CancelledError('savings: cancelled');
    if (!model) {
      sent.push(lastWeek(y));
      models.push('snaive[7]');
      continue;
    }
    const f = forecastSafe(model, y, 7, { season: [7], levels: [] });
    sent.push(f.mean.map((v) => Math.max(0, v)));
    models.push(f.fallback ? `${f.model} (fallback: ${f.fallback})` : f.model);
  }
  return { sent, models };
}

/** Cost of booking capacity from a forecast, measured on the realised parcels. */
export interface BookingCost {
  bookedParcels: number;
  realisedParcels: number;
  unusedParcels: number;
  shortfallParcels: number;
  costCny: number;
  /** Σ|forecast − realised| / Σ realised × 100 (WAPE over cities and days). */
  errorPct: number;
}

/**
 * Capacity is booked per city and day at the forecast; unused slots cost
 * `bookingCnyPerParcel`, parcels beyond the booking go by the fallback at
 * `fallbackPremiumCnyPerParcel` extra.
 */
export function bookingCost(forecast: readonly (readonly number[])[], realised: readonly (readonly number[])[], bookingCnyPerParcel: number, fallbackPremiumCnyPerParcel: number): BookingCost {
  let booked = 0;
  let real = 0;
  let unused = 0;
  let short = 0;
  let absErr = 0;
  forecast.forEach((f, c) => {
    f.forEach((v, d) => {
      const y = realised[c][d];
      booked += v;
      real += y;
      unused += Math.max(0, v - y);
      short += Math.max(0, y - v);
      absErr += Math.abs(v - y);
    });
  });
  return {
    bookedParcels: booked,
    realisedParcels: real,
    unusedParcels: unused,
    shortfallParcels: short,
    costCny: unused * bookingCnyPerParcel + short * fallbackPremiumCnyPerParcel,
    errorPct: real > 0 ? (100 * absErr) / real : 0,
  };
}
