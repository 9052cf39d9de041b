import { describe, expect, it } from 'vitest';
import { coverage, mase, maseScale, msis, owa, smape } from '../../src/forecast/metrics.js';

describe('metrics (M4 guide definitions, hand-computed)', () => {
  it('sMAPE', () => {
    // 200*|100-110|/(210) = 9.5238..., 200*|50-40|/90 = 22.222...
    expect(smape([100, 50], [110, 40])).toBeCloseTo((200 * 10) / 210 / 2 + (200 * 10) / 90 / 2, 10);
    expect(smape([0], [0])).toBe(0);
    expect(smape([1], [0])).toBe(200);
  });

  it('MASE uses the in-sample seasonal-naive MAE', () => {
    const insample = [1, 2, 3, 4, 6];
    // m = 1: diffs 1,1,1,2 → scale 1.25; m = 2: |3-1|,|4-2|,|6-3| → 7/3
    expect(maseScale(insample, 1)).toBeCloseTo(1.25, 12);
    expect(maseScale(insample, 2)).toBeCloseTo(7 / 3, 12);
    // errors |7-6|, |9-6| → mean 2 → 2 / 1.25
    expect(mase(insample, [7, 9], [6, 6], 1)).toBeCloseTo(1.6, 12);
  });

  it('MSIS penalises misses by 2/alpha', () => {
    const insample = [0, 1, 2, 3]; // scale 1
    // step 1: inside [0, 2] → width 2; step 2: y=5 above hi=3 → 2 + 40*2 = 82
    expect(msis(insample, [1, 5], [0, 1], [2, 3], 1, 0.05)).toBeCloseTo((2 + 82) / 2, 12);
    // below lo: y=-1, [0, 2] → 2 + 40*1 = 42
    expect(msis(insample, [-1], [0], [2], 1, 0.05)).toBeCloseTo(42, 12);
  });

  it('coverage counts values inside the closed interval', () => {
    expect(coverage([1, 2, 3, 4], [1, 0, 4, 0], [1, 1, 5, 10])).toBe(0.5);
  });

  it('OWA averages the two ratios to Naive2', () => {
    expect(owa(9, 2, 10, 4)).toBeCloseTo(0.5 * (0.9 + 0.5), 12);
  });
});
