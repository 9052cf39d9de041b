import { describe, expect, it } from 'vitest';
import { auto } from '../../src/forecast/auto.js';
import { croston } from '../../src/forecast/croston.js';
import { damped } from '../../src/forecast/damped.js';
import { ets } from '../../src/forecast/ets.js';
import { holt } from '../../src/forecast/holt.js';
import { naive } from '../../src/forecast/naive.js';
import { naive2 } from '../../src/forecast/naive2.js';
import { seasonalNaive } from '../../src/forecast/seasonal-naive.js';
import { ses } from '../../src/forecast/ses.js';
import { theta } from '../../src/forecast/theta.js';
import { tsb } from '../../src/forecast/tsb.js';
import { MODELS } from '../../src/forecast/registry.js';
import { createRng } from '../../src/shared/random.js';

const constant = Array.from({ length: 30 }, () => 5);
const line = Array.from({ length: 30 }, (_, t) => 10 + 2 * t); // next values 70, 72, 74

describe('models on hand-checkable series', () => {
  it('naive repeats the last value', () => {
    expect(naive.fit([3, 1, 4]).predict(3).mean).toEqual([4, 4, 4]);
  });

  it('SES on a constant series forecasts the constant with a zero-width interval', () => {
    const f = ses.fit(constant).predict(4);
    for (const v of f.mean) expect(v).toBeCloseTo(5, 6);
    for (const v of f.intervals[95].hi) expect(v).toBeCloseTo(5, 4);
  });

  it('Holt on a line continues the line', () => {
    const f = holt.fit(line).predict(3);
    expect(f.mean[0]).toBeCloseTo(70, 3);
    expect(f.mean[2]).toBeCloseTo(74, 3);
  });

  it('damped trend on a line grows, but by less than the line', () => {
    const f = damped.fit(line).predict(10);
    expect(f.mean[0]).toBeGreaterThan(68);
    expect(f.mean[9]).toBeGreaterThan(f.mean[0]);
    expect(f.mean[9]).toBeLessThanOrEqual(88 + 1e-6);
  });

  it('Theta on a line follows the trend (half slope plus SES drift)', () => {
    const f = theta.fit(line).predict(2);
    // SES tracks the line closely (alpha → 1): level ≈ 68, + b/2·(k − 1 + 1/α) ≈ 68 + 1·(0+1) = 69 … ≈ 70
    expect(f.mean[0]).toBeGreaterThan(68.5);
    expect(f.mean[0]).toBeLessThan(71);
  });

  it('seasonal naive and ETS recover a known seasonal pattern', () => {
    const pattern = [10, 20, 30, 20];
    const y = Array.from({ length: 40 }, (_, t) => 100 + pattern[t % 4]);
    const sn = seasonalNaive.fit(y, { season: 4 }).predict(8);
    expect(sn.mean).toEqual([110, 120, 130, 120, 110, 120, 130, 120]);
    const e = ets.fit(y, { season: 4 });
    expect(e.name).toMatch(/,4\)/);
    const f = e.predict(4).mean;
    for (let k = 0; k < 4; k++) expect(f[k]).toBeCloseTo(100 + pattern[k], 0);
  });

  it('seasonal naive falls back to naive when the season does not pass the test', () => {
    const rng = createRng(3);
    const y = Array.from({ length: 40 }, () => 50 + rng.normal());
    const f = seasonalNaive.fit(y, { season: 4 });
    expect(f.name).toBe('snaive(naive)');
    expect(f.predict(2).mean).toEqual([y[39], y[39]]);
  });

  it('Naive2 on a hand example: last value deseasonalised, then reseasonalised', () => {
    // Exact multiplicative pattern on a flat level 100: indices (0.6, 1.4, 1.2, 0.8),
    // the adjusted series is flat at 100, so the forecast is the pattern again.
    const y = Array.from({ length: 16 }, (_, t) => [60, 140, 120, 80][t % 4]);
    const f = naive2.fit(y, { season: 4 });
    expect(f.name).toBe('naive2[4]');
    expect(f.predict(4).mean.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([60, 140, 120, 80]);
    // Without a season (m = 1) Naive2 is naive.
    expect(naive2.fit(y, { season: 1 }).predict(2).mean).toEqual([80, 80]);
  });

  it('Croston: hand example', () => {
    // demands 4 at t=1 (interval 2), 6 at t=4 (interval 3): z = 4 + 0.1·2 = 4.2, p = 2 + 0.1·1 = 2.1
    const f = croston.fit([0, 4, 0, 0, 6, 0]).predict(2);
    expect(f.mean[0]).toBeCloseTo(4.2 / 2.1, 10);
  });

  it('TSB decays towards zero when demand stops', () => {
    const y = [3, 0, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0];
    const f = tsb.fit(y).predict(1).mean[0];
    const g = tsb.fit(y.slice(0, 6)).predict(1).mean[0];
    expect(f).toBeLessThan(g);
    expect(f).toBeGreaterThan(0);
  });

  it('every registered model gives finite forecasts and ordered intervals on a noisy seasonal series', () => {
    const rng = createRng(7);
    const y = Array.from({ length: 96 }, (_, t) => 200 + t + 30 * Math.sin((2 * Math.PI * t) / 12) + 5 * rng.normal());
    for (const [name, model] of Object.entries(MODELS)) {
      const f = model.fit(y, { season: 12 }).predict(12, { levels: [80, 95] });
      expect(f.mean, name).toHaveLength(12);
      for (let k = 0; k < 12; k++) {
        expect(Number.isFinite(f.mean[k]), name).toBe(true);
        expect(f.intervals[95].lo[k], name).toBeLessThanOrEqual(f.intervals[80].lo[k] + 1e-9);
        expect(f.intervals[80].lo[k], name).toBeLessThanOrEqual(f.mean[k] + 1e-9);
        expect(f.intervals[95].hi[k], name).toBeGreaterThanOrEqual(f.intervals[80].hi[k] - 1e-9);
      }
    }
  });

  it('auto picks TSB for intermittent series and a median for multi-seasonal data', () => {
    expect(auto.fit([0, 0, 3, 0, 0, 2, 0, 0, 0, 4]).name).toBe('tsb');
    const y = Array.from({ length: 24 * 7 * 4 }, (_, t) => 100 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 24)) * (t % 168 < 120 ? 1.1 : 0.75));
    expect(auto.fit(y, { season: [24, 168] }).name).toMatch(/^median\(/);
  });
});
