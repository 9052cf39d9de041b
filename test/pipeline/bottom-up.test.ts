import { describe, expect, it } from 'vitest';
import { sumForecasts, sumSeries } from '../../src/pipeline/bottom-up.js';

describe('sumForecasts', () => {
  it('adds means and combines half-widths in quadrature, each side apart (hand-checked)', () => {
    // half-widths 3 and 4 below, 6 and 8 above → 5 below, 10 above
    const a = { mean: [10, 1], intervals: { 95: { lo: [7, 0], hi: [16, 2] } } };
    const b = { mean: [20, 2], intervals: { 95: { lo: [16, 0], hi: [28, 3] } } };
    const t = sumForecasts([a, b], [95]);
    expect(t.mean).toEqual([30, 3]);
    expect(t.intervals[95].lo[0]).toBeCloseTo(25, 12);
    expect(t.intervals[95].hi[0]).toBeCloseTo(40, 12);
    // second step: lower half-widths 1 and 2 → √5; upper 1 and 1 → √2
    expect(t.intervals[95].lo[1]).toBeCloseTo(3 - Math.sqrt(5), 12);
    expect(t.intervals[95].hi[1]).toBeCloseTo(3 + Math.sqrt(2), 12);
  });

  it('gives one series back unchanged and clips the total at 0', () => {
    const a = { mean: [5, 6], intervals: { 80: { lo: [4, 5], hi: [7, 9] }, 95: { lo: [3, 4], hi: [8, 10] } } };
    expect(sumForecasts([a], [80, 95])).toEqual(a);
    const wide = { mean: [1], intervals: { 95: { lo: [-5], hi: [3] } } };
    expect(sumForecasts([wide], [95]).intervals[95].lo[0]).toBe(0);
  });

  it('is narrower than the sum of half-widths (independence) but wider than any part', () => {
    const parts = Array.from({ length: 4 }, () => ({ mean: [100], intervals: { 95: { lo: [90], hi: [110] } } }));
    const t = sumForecasts(parts, [95]);
    expect(t.intervals[95].hi[0] - t.mean[0]).toBeCloseTo(20, 12); // √4 · 10
  });

  it('sumSeries adds element-wise', () => {
    expect(sumSeries([[1, 2], [3, 4], [5, 6]])).toEqual([9, 12]);
  });
});
