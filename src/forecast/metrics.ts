/**
 * Accuracy measures as defined in the M4 competitor's guide (2018):
 * sMAPE, MASE, MSIS and interval coverage; OWA relative to Naive2.
 */

/** sMAPE in percent: mean of 200·|y − f| / (|y| + |f|) (a term with both zero counts 0). */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < actual.length; k++) {
    const d = Math.abs(actual[k]) + Math.abs(forecast[k]);
    s += d === 0 ? 0 : (200 * Math.abs(actual[k] - forecast[k])) / d;
  }
  return s / actual.length;
}

/** In-sample mean absolute seasonal difference: mean_{t>m} |x_t − x_{t−m}| (MASE scale). */
export function maseScale(insample: ArrayLike<number>, m: number): number {
  const p = Math.max(1, Math.floor(m));
  let s = 0;
  let c = 0;
  for (let t = p; t < insample.length; t++) {
    s += Math.abs(insample[t] - insample[t - p]);
    c++;
  }
  return c > 0 ? s / c : NaN;
}

/** MASE: mean |y − f| over the in-sample seasonal naive MAE with period m (NaN or Infinity when that scale is 0). */
export function mase(insample: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>, m: number): number {
  let s = 0;
  for (let k = 0; k < actual.length; k++) s += Math.abs(actual[k] - forecast[k]);
  return s / actual.length / maseScale(insample, m);
}

/**
 * MSIS at level 1 − α (α = 0.05 for 95%): mean over h of
 * (U − L) + (2/α)(L − y)·1{y < L} + (2/α)(y − U)·1{y > U}, over the MASE scale.
 */
export function msis(
  insample: ArrayLike<number>,
  actual: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  m: number,
  alpha = 0.05,
): number {
  let s = 0;
  for (let k = 0; k < actual.length; k++) {
    s += hi[k] - lo[k];
    if (actual[k] < lo[k]) s += (2 / alpha) * (lo[k] - actual[k]);
    if (actual[k] > hi[k]) s += (2 / alpha) * (actual[k] - hi[k]);
  }
  return s / actual.length / maseScale(insample, m);
}

/** Share of actual values inside [lo, hi] (0..1). */
export function coverage(actual: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>): number {
  let c = 0;
  for (let k = 0; k < actual.length; k++) if (actual[k] >= lo[k] && actual[k] <= hi[k]) c++;
  return c / actual.length;
}

/** OWA: ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2), each averaged over the same series. */
export function owa(smapeModel: number, maseModel: number, smapeNaive2: number, maseNaive2: number): number {
  return 0.5 * (smapeModel / smapeNaive2 + maseModel / maseNaive2);
}
