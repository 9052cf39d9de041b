import type { FitOptions } from './types.js';

/** Candidate seasonal periods from FitOptions.season, as sorted distinct integers > 1. */
export function candidatePeriods(opts: FitOptions = {}): number[] {
  const s = opts.season;
  const list = s === undefined ? [] : typeof s === 'number' ? [s] : [...s];
  return [...new Set(list.filter((m) => Number.isInteger(m) && m > 1))].sort((a, b) => a - b);
}

/**
 * Calendar periods worth testing for data whose main period is m:
 * hourly (24) adds the week (168); others keep m alone. m ≤ 1 gives none.
 */
export function calendarPeriods(m: number): number[] {
  if (!(m > 1)) return [];
  if (m === 24) return [24, 168];
  return [m];
}
