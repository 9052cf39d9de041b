import { baselinePlan, executePlan, odKgPerDay, optimisedPlan, type AllocationContext, type AllocationPlan } from './allocation-cost.js';
import { bookingCost, forecastWeek, type BookingCost } from './forecast-cost.js';
import type { SavingsParams } from './params.js';
import { routingCost, stationInstance, type RoutingCost } from './routing-cost.js';
import { shapley } from './shapley.js';

/** Which components the optimised plan may switch on (off = its optimised variant is the baseline). */
export interface Switches {
  forecasting: boolean;
  allocation: boolean;
  routing: boolean;
}

export const ALL_ON: Readonly<Switches> = Object.freeze({ forecasting: true, allocation: true, routing: true });

/** Bits of a combination: forecasting 1, allocation 2, routing 4 (set = optimised). */
export const COMPONENTS = ['forecasting', 'allocation', 'routing'] as const;

/** Costs of one period, measured on its realised demand, for the 8 combinations. */
export interface PeriodCosts {
  parcels: number;
  /** Booking (forecast-error) cost per forecast variant [baseline, optimised]. */
  booking: [BookingCost, BookingCost];
  /** Network cost of the week per [forecast variant][allocation variant], CNY. */
  networkCny: [[number, number], [number, number]];
  routing: RoutingCost;
  /** Total cost per combination mask (bit 1 forecasting, 2 allocation, 4 routing), CNY. */
  totalCny: number[];
  /** Shapley shares of the saving total(0) − total(7), CNY. */
  attributionCny: { forecastingCny: number; allocationCny: number; routingCny: number; totalCny: number };
  /** Allocation LP solves of the period (backend, ms). */
  lpSolves: { backend: string; ms: number }[];
}

/** The inputs of one period: history so far and the realised week, per city. */
export interface PeriodInput {
  period: number;
  /** Parcels sent per city per day up to the period (history). */
  historySent: readonly (readonly number[])[];
  historyReceived: readonly (readonly number[])[];
  /** Realised parcels sent / received per city for the 7 days of the period. */
  sent: readonly (readonly number[])[];
  received: readonly (readonly number[])[];
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Planned receipts per city: the forecast total split by each city's share of receipts over the last 28 days. */
function plannedReceived(historyReceived: readonly (readonly number[])[], sentPerDay: readonly number[]): number[] {
  const recent = historyReceived.map((y) => sum(y.slice(-28)));
  const all = sum(recent);
  const total = sum(sentPerDay);
  return recent.map((r) => (all > 0 ? (total * r) / all : total / recent.length));
}

/**
 * Measures one period: forecasts of both variants on the history (error cost on
 * the realised week), the allocation planned on each forecast and executed on
 * the realised OD demand (baseline: fixed nearest-hub road routes), the station
 * routes both ways, then the 8 combinations and the Shapley split.
 */
export async function measurePeriod(
  input: PeriodInput,
  ctx: AllocationContext,
  p: SavingsParams & { bookingCnyPerParcel: number; fallbackPremiumCnyPerParcel: number },
  seed: number,
  switches: Switches,
  signal?: AbortSignal,
): Promise<PeriodCosts> {
  const fb = forecastWeek(input.historySent, 'baseline', p.forecastModel, signal);
  const fo = switches.forecasting ? forecastWeek(input.historySent, 'optimised', p.forecastModel, signal) : fb;
  const booking: [BookingCost, BookingCost] = [
    bookingCost(fb.sent, input.sent, p.bookingCnyPerParcel, p.fallbackPremiumCnyPerParcel),
    bookingCost(fo.sent, input.sent, p.bookingCnyPerParcel, p.fallbackPremiumCnyPerParcel),
  ];
  const parcels = sum(input.sent.map(sum));

  const realisedOd = odKgPerDay(ctx, input.sent.map((s) => sum(s) / 7), input.received.map((r) => sum(r) / 7), p.meanParcelKg);
  const planOd = (f: number[][]): Float64Array => {
    const perDay = f.map((s) => sum(s) / 7);
    return odKgPerDay(ctx, perDay, plannedReceived(input.historyReceived, perDay), p.meanParcelKg);
  };
  const base = baselinePlan(ctx);
  const lpSolves: { backend: string; ms: number }[] = [];
  const solveFor = async (f: number[][]): Promise<AllocationPlan> => {
    if (!switches.allocation) return base;
    const plan = await optimisedPlan(ctx, planOd(f), seed);
    lpSolves.push({ backend: plan.backend, ms: plan.solveMs });
    return plan;
  };
  const optOnB = await solveFor(fb.sent);
  const optOnO = fo === fb ? optOnB : await solveFor(fo.sent);
  const week = (plan: AllocationPlan) => 7 * executePlan(plan, realisedOd);
  const networkCny: [[number, number], [number, number]] = [
    [week(base), week(optOnB)],
    [week(base), week(optOnO)],
  ];

  const deliveredPerDay = sum(input.received.map(sum)) / 7;
  const routing = routingCost(stationInstance(deliveredPerDay, p, seed, input.period), p, seed, signal);
  const routeCny = [routing.baselineCnyPerParcel * parcels, (switches.routing ? routing.optimisedCnyPerParcel : routing.baselineCnyPerParcel) * parcels];

  const totalCny = Array.from({ length: 8 }, (_, mask) => {
    const f = mask & 1 ? 1 : 0;
    const a = mask & 2 ? 1 : 0;
    const r = mask & 4 ? 1 : 0;
    return booking[f].costCny + networkCny[f][a] + routeCny[r];
  });
  const [forecastingCny, allocationCny, routingCny] = shapley(3, (mask) => totalCny[mask]);
  return {
    parcels,
    booking,
    networkCny,
    routing,
    totalCny,
    attributionCny: { forecastingCny, allocationCny, routingCny, totalCny: totalCny[0] - totalCny[7] },
    lpSolves,
  };
}
