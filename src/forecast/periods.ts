import type { FitOptions } from './types.js';

/** Candidate seasonal periods from FitOptions.season, as sorted distinct integers > 1. */
export function candidatePeriods(opts: FitOptions = {}): number[] {
  const s = opts.season;
  const list = s === undefined ? [] : typeof s === 'number' ? [s] : [...s];
  return [...new Set(list.filter((m) => Number.isInteger(m) && m > 1))].sort((a, b) => a - b);
}

/**
 * Calendar periods worth testing for data whose MASE period is m (M4
 * convention): hourly (24) adds the week (168); m = 1 is how M4 gives weekly
 * data, whose yearly period 52 is tested (it needs n ≥ 156 and a significant
 * autocorrelation at lag 52, so yearly series, also m = 1, are left alone);
 * others keep m alone.
 */
export function calendarPeriods(m: number): number[] {
  if (m === 1) return [52];
  if (!(m > 1)) return [];
  if (m === 24) return [24, 168];
  return [m];
}
