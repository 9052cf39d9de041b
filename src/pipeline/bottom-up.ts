/**
 * Bottom-up totals of forecasts: means add up exactly; intervals are combined
 * assuming independent errors between the series.
 */
import type { Interval } from '../forecast/index.js';

/** A forecast of h steps: mean and intervals by level. */
export interface MeanAndIntervals {
  mean: number[];
  intervals: Record<number, Interval>;
}

/**
 * Sums forecasts of several series. The mean of the total is the sum of the
 * means (so totals add up exactly). For each level L and step k, each series'
 * lower and upper half-widths are turned into standard deviations
 * (σ = half-width / z_L, z_L the normal quantile of the central L% interval),
 * summed in quadrature (independent errors: σ_total = √Σσ²), and turned back
 * into half-widths around the total mean; the two sides are combined apart,
 * so skewed city intervals stay skewed. The lower bound is clipped at 0.
 * One series comes back unchanged. Positively correlated city errors (a
 * common holiday effect, say) would make the true band of the total wider,
 * up to the sum of the half-widths.
 */
export function sumForecasts(parts: readonly MeanAndIntervals[], levels: readonly number[]): MeanAndIntervals {
  if (parts.length === 0) throw new Error('bottom-up: nothing to sum');
  const h = parts[0].mean.length;
  const mean = new Array<number>(h).fill(0);
  for (const p of parts) for (let k = 0; k < h; k++) mean[k] += p.mean[k];
  const intervals: Record<number, Interval> = {};
  for (const level of levels) {
    const lo: number[] = [];
    const hi: number[] = [];
    for (let k = 0; k < h; k++) {
      let varLo = 0;
      let varHi = 0;
      for (const p of parts) {
        const iv = p.intervals[level];
        const dLo = Math.max(0, p.mean[k] - iv.lo[k]);
        const dHi = Math.max(0, iv.hi[k] - p.mean[k]);
        varLo += dLo * dLo;
        varHi += dHi * dHi;
      }
      // σ = d / z and back: z cancels, √Σ(d/z)² · z = √Σd²
      lo.push(Math.max(0, mean[k] - Math.sqrt(varLo)));
      hi.push(mean[k] + Math.sqrt(varHi));
    }
    intervals[level] = { lo, hi };
  }
  return { mean, intervals };
}

/** Element-wise sum of equally long series. */
export function sumSeries(series: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(series[0]?.length ?? 0).fill(0);
  for (const s of series) for (let k = 0; k < out.length; k++) out[k] += s[k];
  return out;
}
