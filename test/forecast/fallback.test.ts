import { describe, expect, it } from 'vitest';
import { forecastSafe } from '../../src/forecast/fallback.js';
import { makeFitted } from '../../src/forecast/fitted.js';
import { holt } from '../../src/forecast/holt.js';
import { auto } from '../../src/forecast/auto.js';
import { modelByName } from '../../src/forecast/registry.js';
import type { ForecastModel } from '../../src/forecast/types.js';
import { InputError } from '../../src/shared/errors.js';

const y = [10, 12, 11, 13, 12, 14, 13, 15];

describe('fallback to a simpler model', () => {
  it('a model that throws falls back to naive2 and says so', () => {
    const broken: ForecastModel = {
      name: 'broken',
      fit() {
        throw new Error('boom');
      },
    };
    const f = forecastSafe(broken, y, 3);
    expect(f.model).toBe('naive2');
    expect(f.fallback).toMatch(/broken: boom/);
    expect(f.mean).toEqual([15, 15, 15]);
  });

  it('a model giving non-finite values falls back', () => {
    const nan: ForecastModel = { name: 'nan', fit: (s) => makeFitted('nan', s, (t, h) => new Float64Array(h).fill(NaN), 1) };
    const f = forecastSafe(nan, y, 2);
    expect(f.fallback).toMatch(/nan: .*non-finite/);
    expect(f.mean.every(Number.isFinite)).toBe(true);
  });

  it('a series that breaks a model: Holt on 3 values', () => {
    const f = forecastSafe(holt, [1, 2, 3], 2);
    expect(f.fallback).toMatch(/^holt:/);
    expect(f.mean).toEqual([3, 3]);
  });

  it('auto never poisons the result on awkward series', () => {
    for (const s of [[5], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [-3, -1, -4, -1, -5, -9, -2, -6, -5, -3], Array(30).fill(7)]) {
      const f = forecastSafe(auto, s, 4);
      expect(f.mean.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('bad input is an InputError naming the field', () => {
  const field = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).field;
    }
    throw new Error('no error thrown');
  };
  it('empty series, NaN, horizon 0, bad level, unknown model', () => {
    expect(field(() => forecastSafe(auto, [], 3))).toBe('y');
    expect(field(() => forecastSafe(auto, [1, NaN, 3], 3))).toBe('y/1');
    expect(field(() => forecastSafe(auto, y, 0))).toBe('horizon');
    expect(field(() => forecastSafe(auto, y, 2.5))).toBe('horizon');
    expect(field(() => forecastSafe(auto, y, 2, { levels: [100] }))).toBe('levels');
    expect(field(() => modelByName('prophet'))).toBe('model');
  });
});
