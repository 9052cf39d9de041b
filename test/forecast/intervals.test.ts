import { describe, expect, it } from 'vitest';
import { naive } from '../../src/forecast/naive.js';
import { ses } from '../../src/forecast/ses.js';
import { coverage } from '../../src/forecast/metrics.js';
import { insampleErrorScale } from '../../src/forecast/intervals.js';
import type { ForecastModel } from '../../src/forecast/types.js';
import { createRng } from '../../src/shared/random.js';

/** Mean 95% / 80% coverage of `model` on `count` simulated series. */
function simulatedCoverage(model: ForecastModel, gen: (rng: ReturnType<typeof createRng>) => number[], h: number, count: number): [number, number] {
  const rng = createRng(2024);
  let c95 = 0;
  let c80 = 0;
  for (let i = 0; i < count; i++) {
    const y = gen(rng);
    const train = y.slice(0, y.length - h);
    const test = y.slice(y.length - h);
    const f = model.fit(train).predict(h, { levels: [80, 95] });
    c95 += coverage(test, f.intervals[95].lo, f.intervals[95].hi);
    c80 += coverage(test, f.intervals[80].lo, f.intervals[80].hi);
  }
  return [c95 / count, c80 / count];
}

describe('prediction intervals on simulated data with known coverage', () => {
  it('naive on Gaussian random walks: about 95% and 80%', () => {
    const gen = (rng: ReturnType<typeof createRng>): number[] => {
      const y = [1000];
      for (let t = 1; t < 130; t++) y.push(y[t - 1] + 5 * rng.normal());
      return y;
    };
    const [c95, c80] = simulatedCoverage(naive, gen, 10, 300);
    expect(c95).toBeGreaterThan(0.92);
    expect(c95).toBeLessThan(0.98);
    expect(c80).toBeGreaterThan(0.75);
    expect(c80).toBeLessThan(0.85);
  });

  it('SES on a local level model (level noise + observation noise)', () => {
    const gen = (rng: ReturnType<typeof createRng>): number[] => {
      let level = 500;
      const y: number[] = [];
      for (let t = 0; t < 120; t++) {
        level += 2 * rng.normal();
        y.push(level + 4 * rng.normal());
      }
      return y;
    };
    const [c95] = simulatedCoverage(ses, gen, 8, 150);
    expect(c95).toBeGreaterThan(0.92);
    expect(c95).toBeLessThan(0.98);
  });

  it('in-sample error scale grows like √k for naive on a random walk', () => {
    const rng = createRng(9);
    const y = [0];
    for (let t = 1; t < 5000; t++) y.push(y[t - 1] + rng.normal());
    const s = insampleErrorScale(y, (t, h) => new Float64Array(h).fill(y[t - 1]), 1, 9);
    expect(s.sigma[0]).toBeCloseTo(1, 1);
    expect(s.sigma[8] / s.sigma[0]).toBeGreaterThan(2.7);
    expect(s.sigma[8] / s.sigma[0]).toBeLessThan(3.3);
    expect(s.zOf(95)).toBeGreaterThan(1.85);
    expect(s.zOf(95)).toBeLessThan(2.07);
  });
});
