import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/forecast/backtest.js';
import { naive } from '../../src/forecast/naive.js';
import { InputError } from '../../src/shared/errors.js';

describe('rolling-origin backtest', () => {
  it('places origins by step and scores each against what followed (hand-checkable)', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = backtest(naive, y, { horizon: 2, step: 3, origins: 2 });
    expect(r.origins.map((o) => o.origin)).toEqual([5, 8]);
    // origin 8: train 1..8, naive 8, actual 9, 10 → MASE = mean(1, 2) / 1 = 1.5
    expect(r.origins[1].mase).toBeCloseTo(1.5, 12);
    expect(r.origins[1].smape).toBeCloseTo((200 / 17 + 400 / 18) / 2, 10);
    expect(r.mase).toBeCloseTo(1.5, 12);
  });

  it('a sliding window trains on the last `window` values only', () => {
    const y = [100, 100, 100, 1, 2, 3, 4, 5];
    const r = backtest(naive, y, { horizon: 1, origins: 1, window: 3 });
    expect(r.origins[0].origin).toBe(7);
    expect(r.origins[0].mase).toBeCloseTo(1, 12); // scale from [2,3,4] is 1, error |5-4| = 1
  });

  it('rejects a horizon that leaves nothing to train on', () => {
    expect(() => backtest(naive, [1, 2, 3], { horizon: 3 })).toThrow(InputError);
    expect(() => backtest(naive, [1, 2, 3], { horizon: 0 })).toThrow(InputError);
  });
});
