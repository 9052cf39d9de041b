/**
 * Headline numbers of a savings or flywheel result, as the flat `kpis`
 * object of numbers the scenario store compares side by side.
 */
import type { FlywheelReport, SavingsReport } from '../savings/index.js';

/** KPIs of one result (all numbers; CNY, %, parcels, merchants). */
export interface AnalysisKpis {
  /** Cost per parcel of the baseline plan, parcel-weighted over the periods, CNY. */
  costPerParcelBaselineCny: number;
  /** Cost per parcel of the optimised plan, parcel-weighted over the periods, CNY. */
  costPerParcelOptimisedCny: number;
  /** (baseline − optimised) / baseline × 100. */
  savingPct: number;
  /** Saving summed over the periods, CNY. */
  cumulativeSavingsCny: number;
  /** Merchants in the last period. */
  merchantsEnd: number;
  /** Mean over the periods of the optimised forecast's error (WAPE), %. */
  forecastErrorPctMean: number;
  /** Parcels over the periods. */
  parcels: number;
  /** Shapley shares of the saving, CNY. */
  forecastingCny: number;
  allocationCny: number;
  routingCny: number;
}

/** KPIs of a flywheel report (the first seed's periods when it has several). */
export function flywheelKpis(r: FlywheelReport): AnalysisKpis {
  const ps = r.periods;
  const parcels = ps.reduce((s, p) => s + p.parcels, 0);
  const base = ps.reduce((s, p) => s + p.costPerParcelBaselineCny * p.parcels, 0) / parcels;
  const opt = ps.reduce((s, p) => s + p.costPerParcelOptimisedCny * p.parcels, 0) / parcels;
  const last = ps[ps.length - 1];
  return {
    costPerParcelBaselineCny: base,
    costPerParcelOptimisedCny: opt,
    savingPct: base > 0 ? (100 * (base - opt)) / base : 0,
    cumulativeSavingsCny: last.cumulativeSavingsCny,
    merchantsEnd: last.merchants,
    forecastErrorPctMean: ps.reduce((s, p) => s + p.forecastErrorPct, 0) / ps.length,
    parcels,
    forecastingCny: r.attribution.forecastingCny,
    allocationCny: r.attribution.allocationCny,
    routingCny: r.attribution.routingCny,
  };
}

/** KPIs of a one-period comparison (merchants = the parameter's starting count, as the week runs at it). */
export function savingsKpis(r: SavingsReport): AnalysisKpis {
  const merchants = r.assumptions.table.find((row) => row.parameter === 'merchants')?.value;
  return {
    costPerParcelBaselineCny: r.costPerParcelBaselineCny,
    costPerParcelOptimisedCny: r.costPerParcelOptimisedCny,
    savingPct: r.savingPct,
    cumulativeSavingsCny: r.attribution.totalCny,
    merchantsEnd: typeof merchants === 'number' ? merchants : 0,
    forecastErrorPctMean: r.forecastErrorPctOptimised,
    parcels: r.parcels,
    forecastingCny: r.attribution.forecastingCny,
    allocationCny: r.attribution.allocationCny,
    routingCny: r.attribution.routingCny,
  };
}
