import { describe, expect, it } from 'vitest';
import { centeredMovingAverage, classicalIndices, hasSeasonality, seasonalAdjustment } from '../../src/forecast/seasonality.js';
import { acf } from '../../src/forecast/stats.js';
import { createRng } from '../../src/shared/random.js';

describe('seasonality', () => {
  it('acf at lag 0 is 1 and matches a hand example', () => {
    const r = acf([1, 2, 3, 4], 1);
    // mean 2.5; c0 = 2.25+0.25+0.25+2.25 = 5; c1 = (-1.5*-0.5)+(-0.5*0.5)+(0.5*1.5) = 1.25
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(0.25, 12);
  });

  it('centered moving average of even order uses half weights at the ends', () => {
    const ma = centeredMovingAverage([1, 2, 3, 4, 5, 6], 4);
    // centre 2: (0.5*1 + 2 + 3 + 4 + 0.5*5)/4 = 3
    expect(Number.isNaN(ma[1])).toBe(true);
    expect(ma[2]).toBeCloseTo(3, 12);
    expect(ma[3]).toBeCloseTo(4, 12);
  });

  it('classical indices recover a multiplicative pattern', () => {
    const pattern = [0.8, 1.2, 1.1, 0.9];
    const y = Array.from({ length: 24 }, (_, t) => 100 * pattern[t % 4]);
    const idx = classicalIndices(y, 4);
    for (let i = 0; i < 4; i++) expect(idx[i]).toBeCloseTo(pattern[i], 6);
  });

  it('detects a strong season and rejects white noise', () => {
    const rng = createRng(1);
    const seasonal = Array.from({ length: 72 }, (_, t) => 10 + 3 * Math.sin((2 * Math.PI * t) / 12) + 0.3 * rng.normal());
    const noise = Array.from({ length: 72 }, () => 10 + rng.normal());
    expect(hasSeasonality(seasonal, 12)).toBe(true);
    expect(hasSeasonality(noise, 12)).toBe(false);
    // n < 3m: never seasonal
    expect(hasSeasonality(seasonal.slice(0, 35), 12)).toBe(false);
  });

  it('an adjustment with two periods keeps the ones that pass', () => {
    const y = Array.from({ length: 24 * 7 * 4 }, (_, t) => 100 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 24)) * (t % 168 < 120 ? 1.1 : 0.75));
    const a = seasonalAdjustment(y, [24, 168]);
    expect(a.periods).toEqual([24, 168]);
    for (let t = 0; t < 24; t++) expect(a.factor(t) * 1).toBeGreaterThan(0);
  });
});
