import { describe, expect, it } from 'vitest';
import { shapley } from '../../src/savings/shapley.js';
import { band } from '../../src/savings/bands.js';
import { bookingCost, lastWeek } from '../../src/savings/forecast-cost.js';

describe('shapley', () => {
  it('gives each component its own saving when savings add up (hand-checked)', () => {
    // baseline 100; switching component 0 saves 10, 1 saves 20, 2 saves 5, independently
    const saves = [10, 20, 5];
    const cost = (mask: number) => 100 - saves.reduce((s, x, i) => s + (mask & (1 << i) ? x : 0), 0);
    expect(shapley(3, cost)).toEqual([10, 20, 5]);
  });

  it('splits an interaction evenly between the two components that make it', () => {
    // 0 and 1 save 12 only together; 2 saves 3 alone
    const cost = (mask: number) => 50 - ((mask & 3) === 3 ? 12 : 0) - (mask & 4 ? 3 : 0);
    expect(shapley(3, cost)).toEqual([6, 6, 3]);
  });

  it('adds up to the total saving for an arbitrary cost table, and a null player gets 0', () => {
    const table = [97.3, 91.1, 80.2, 77.7, 97.3 - 4.4, 91.1 - 4.4, 80.2 - 4.4, 77.7 - 4.4];
    const phi = shapley(3, (m) => table[m]);
    expect(phi[0] + phi[1] + phi[2]).toBeCloseTo(table[0] - table[7], 12);
    expect(phi[2]).toBeCloseTo(4.4, 12);
    const nullPlayer = shapley(3, (m) => table[m & 3]);
    expect(nullPlayer[2]).toBe(0);
  });
});

describe('booking cost and helpers', () => {
  it('prices unused and short parcels per city and day (hand-checked)', () => {
    const b = bookingCost([[10, 10], [5, 0]], [[8, 13], [5, 1]], 0.2, 1.5);
    expect(b.unusedParcels).toBe(2);
    expect(b.shortfallParcels).toBe(4);
    expect(b.costCny).toBeCloseTo(2 * 0.2 + 4 * 1.5, 12);
    expect(b.errorPct).toBeCloseTo((100 * 6) / 27, 12);
  });

  it('seasonal naive repeats the last seven days', () => {
    expect(lastWeek([9, 1, 2, 3, 4, 5, 6, 7])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('bands give min, median and max', () => {
    expect(band([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(band([4, 1, 2, 3])).toEqual({ min: 1, median: 2.5, max: 4 });
  });
});
