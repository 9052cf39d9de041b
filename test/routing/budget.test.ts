import { describe, expect, it } from 'vitest';
import { StopCriterion } from '../../src/shared/stop.js';
import { ELITE_LONG, ELITE_SHORT, eliteForBudget, expectedOffspring } from '../../src/routing/search/budget.js';

describe('search budget', () => {
  it('gives short runs more elite individuals than long ones, falling in between', () => {
    expect(eliteForBudget(0)).toBe(ELITE_SHORT);
    expect(eliteForBudget(2500)).toBe(ELITE_SHORT);
    expect(eliteForBudget(Infinity)).toBe(ELITE_LONG);
    expect(eliteForBudget(50000)).toBe(ELITE_LONG);
    const mid = eliteForBudget(11500);
    expect(mid).toBeLessThan(ELITE_SHORT);
    expect(mid).toBeGreaterThan(ELITE_LONG);
    for (let e = 0; e < 30000; e += 500) expect(eliteForBudget(e + 500)).toBeLessThanOrEqual(eliteForBudget(e));
  });

  it('expects offspring from the iteration limit, or from the time left at the measured rate', () => {
    let now = 0;
    const clock = (): number => now;
    const byIterations = new StopCriterion({ iterations: 4000 }, clock);
    for (let k = 0; k < 50; k++) byIterations.tick();
    expect(expectedOffspring(byIterations, 50, 0.1)).toBe(4000);
    const byTime = new StopCriterion({ seconds: 2 }, clock);
    now = 500; // 0.5 s used, 50 offspring in the last 0.25 s: 200 per second for 1.5 s more
    expect(expectedOffspring(byTime, 50, 0.25)).toBeCloseTo(350, 6);
    expect(expectedOffspring(new StopCriterion({}, clock), 50, 0.25)).toBe(Infinity);
  });
});
