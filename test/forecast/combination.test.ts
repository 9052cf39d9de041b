import { describe, expect, it } from 'vitest';
import { combineFitted } from '../../src/forecast/combination.js';
import { makeFitted } from '../../src/forecast/fitted.js';
import { selectEts } from '../../src/forecast/ets.js';
import { createRng } from '../../src/shared/random.js';

const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const flat = (name: string, v: number) => makeFitted(name, y, (t, h) => new Float64Array(h).fill(v), 1);

describe('combinations', () => {
  it('mean and median of component paths', () => {
    const parts = [flat('a', 1), flat('b', 2), flat('c', 6)];
    expect(combineFitted('mean', y, parts, 'mean').predict(2).mean).toEqual([3, 3]);
    expect(combineFitted('median', y, parts, 'median').predict(2).mean).toEqual([2, 2]);
    expect(combineFitted('median', y, parts.slice(0, 2), 'median').predict(1).mean).toEqual([1.5]);
  });

  it('skips non-finite component values and records left-out components', () => {
    const c = combineFitted('mean', y, [flat('a', 4), flat('nan', NaN)], 'mean', 'left out x: boom');
    const f = c.predict(2);
    expect(f.mean).toEqual([4, 4]);
    expect(f.fallback).toBe('left out x: boom');
  });
});

describe('ETS selection by AICc', () => {
  it('chooses a seasonal form for a seasonal series and a non-seasonal one for a noisy level', () => {
    const rng = createRng(11);
    const seasonal = Array.from({ length: 72 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + rng.normal());
    const level = Array.from({ length: 72 }, () => 100 + 5 * rng.normal());
    expect(selectEts(seasonal, 12)!.spec.season).not.toBe('N');
    expect(selectEts(level, 12)!.spec.season).toBe('N');
    expect(selectEts(level, 12)!.spec.trend).toBe('N');
  });
});
