/** Small numeric helpers shared by the forecasting models. */

/** Arithmetic mean (NaN for an empty array). */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Autocorrelation at lags 0..maxLag (biased estimator, as R's acf). */
export function acf(x: ArrayLike<number>, maxLag: number): number[] {
  const n = x.length;
  const mu = mean(x);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += (x[i] - mu) ** 2;
  const out: number[] = [1];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let i = k; i < n; i++) c += (x[i] - mu) * (x[i - k] - mu);
    out.push(c0 > 0 ? c / c0 : 0);
  }
  return out;
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9 after one Newton step). */
export function qnorm(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const plow = 0.02425;
  let q: number;
  let x: number;
  if (p < plow) {
    q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - plow) {
    q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/** z value of a central interval at `levelPct` percent (95 → 1.96). */
export function zOfLevel(levelPct: number): number {
  return qnorm(0.5 + levelPct / 200);
}

/** Ordinary least squares of y on t = 1..n: { intercept, slope }. */
export function linearTrend(y: ArrayLike<number>): { intercept: number; slope: number } {
  const n = y.length;
  if (n < 2) return { intercept: n ? y[0] : 0, slope: 0 };
  const tBar = (n + 1) / 2;
  const yBar = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dt = i + 1 - tBar;
    sxy += dt * (y[i] - yBar);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  return { intercept: yBar - slope * tBar, slope };
}

/** Median of the values (copy sorted). */
export function median(x: ArrayLike<number>): number {
  const s = Array.from(x).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** True when every value is a finite number. */
export function allFinite(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}
