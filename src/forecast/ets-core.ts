import { nelderMead } from './optim.js';
import { classicalIndices } from './seasonality.js';
import { linearTrend, mean } from './stats.js';

/** Error, trend and season forms of an exponential smoothing state space model. */
export interface EtsSpec {
  error: 'A' | 'M';
  trend: 'N' | 'A' | 'Ad';
  season: 'N' | 'A' | 'M';
  /** Seasonal period (ignored when season is N). */
  m: number;
}

/** Smoothing parameters and initial states. */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
  /** Initial seasonal states s_{-m+1..0} (index i applies to time t with t mod m = i). */
  s0: Float64Array;
}

/** A fitted ETS model: parameters, states over time and fit statistics. */
export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  /** Level after seeing y[0..t-1], t = 0..n. */
  level: Float64Array;
  /** Trend after seeing y[0..t-1], t = 0..n. */
  slope: Float64Array;
  /** Seasonal state used at time t is season[t]; season[t+m] is written at t. */
  season: Float64Array;
  /** Minus twice the log-likelihood (up to a constant), as in R's forecast::ets. */
  lik: number;
  aicc: number;
  /** Sum of squared one-step errors. */
  sse: number;
}

/** Human-readable form, e.g. "ets(M,Ad,N)". */
export function etsLabel(spec: EtsSpec): string {
  return `ets(${spec.error},${spec.trend},${spec.season}${spec.season !== 'N' ? `,${spec.m}` : ''})`;
}

/**
 * Runs the state space recursions (error-correction form; the state updates
 * written with the absolute error are the same for additive and
 * multiplicative errors, only the likelihood differs). Returns the likelihood
 * term −2·log L (up to a constant) or Infinity when the model breaks
 * (non-positive forecast in a multiplicative model).
 */
export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  p: EtsParams,
  season: Float64Array,
  level?: Float64Array,
  slope?: Float64Array,
): { lik: number; sse: number } {
  const n = y.length;
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.m : 1;
  const multS = spec.season === 'M';
  const hasTrend = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const { alpha, beta, gamma } = p;
  const s = season;
  if (seasonal) for (let i = 0; i < m; i++) s[i] = p.s0[i];
  let l = p.l0;
  let b = hasTrend ? p.b0 : 0;
  if (level && slope) {
    level[0] = l;
    slope[0] = b;
  }
  let sse = 0;
  let sumRel = 0;
  let sumLog = 0;
  const multE = spec.error === 'M';
  for (let t = 0; t < n; t++) {
    const lb = l + phi * b;
    const st = seasonal ? s[t] : multS ? 1 : 0;
    const yhat = multS ? lb * st : lb + st;
    if (multE || multS) {
      if (!(yhat > 0) || !(lb > 0)) return { lik: Infinity, sse: Infinity };
    }
    const e = y[t] - yhat;
    sse += e * e;
    if (multE) {
      const r = e / yhat;
      sumRel += r * r;
      sumLog += Math.log(yhat);
    }
    if (multS) {
      l = lb + (alpha * e) / st;
      b = phi * b + (beta * e) / st;
      s[t + m] = st + (gamma * e) / lb;
    } else {
      l = lb + alpha * e;
      b = phi * b + beta * e;
      if (seasonal) s[t + m] = st + gamma * e;
    }
    if (!Number.isFinite(l)) return { lik: Infinity, sse: Infinity };
    if (level && slope) {
      level[t + 1] = l;
      slope[t + 1] = b;
    }
  }
  const lik = multE ? n * Math.log(sumRel) + 2 * sumLog : n * Math.log(sse);
  return { lik: Number.isFinite(lik) ? lik : Infinity, sse };
}

/** Point forecasts of steps 1..h from origin t (after seeing y[0..t-1]). */
export function etsPath(fit: EtsFit, t: number, h: number): Float64Array {
  const { spec } = fit;
  const l = fit.level[t];
  const b = spec.trend === 'N' ? 0 : fit.slope[t];
  const phi = spec.trend === 'Ad' ? fit.params.phi : 1;
  const m = spec.m;
  const out = new Float64Array(h);
  let damp = 0;
  let pw = 1;
  for (let k = 1; k <= h; k++) {
    pw *= phi;
    damp += pw;
    const lb = l + (spec.trend === 'N' ? 0 : spec.trend === 'A' ? k * b : damp * b);
    if (spec.season === 'N') out[k - 1] = lb;
    else {
      const j = t + k - 1 - m * Math.floor((k - 1) / m);
      out[k - 1] = spec.season === 'M' ? lb * fit.season[j] : lb + fit.season[j];
    }
  }
  return out;
}

/** Options for fitting one ETS form. */
export interface EtsFitOptions {
  /** Fixed smoothing parameters (the others are estimated). */
  fixed?: Partial<Pick<EtsParams, 'alpha' | 'beta' | 'gamma' | 'phi'>>;
  /** Max objective evaluations of the optimiser. */
  maxEvals?: number;
  /** Also estimate the initial seasonal states (default false: classical decomposition of the first years). */
  optimiseSeason?: boolean;
}

function initialStates(y: readonly number[], spec: EtsSpec): { l0: number; b0: number; s0: Float64Array } {
  const n = y.length;
  const m = spec.season === 'N' ? 1 : spec.m;
  let s0: Float64Array = new Float64Array(m).fill(spec.season === 'M' ? 1 : 0);
  let adj: number[] = y.slice();
  if (spec.season !== 'N') {
    const part = y.slice(0, Math.min(n, 4 * m));
    s0 = classicalIndices(part, m, spec.season === 'M' ? 'multiplicative' : 'additive');
    adj = part.map((v, t) => (spec.season === 'M' ? v / s0[t % m] : v - s0[t % m]));
  }
  const k = Math.min(adj.length, Math.max(10, 2 * m));
  const head = adj.slice(0, k);
  if (spec.trend === 'N') return { l0: mean(head.slice(0, Math.max(1, Math.min(k, m)))), b0: 0, s0 };
  const { intercept, slope } = linearTrend(head);
  return { l0: intercept, b0: slope, s0 };
}

/** Number of estimated parameters (smoothing + initial states) for AICc. */
export function etsParamCount(spec: EtsSpec, fixed: EtsFitOptions['fixed'] = {}): number {
  let k = 2; // alpha, l0
  if (fixed.alpha !== undefined) k--;
  if (spec.trend !== 'N') k += fixed.beta !== undefined ? 1 : 2;
  if (spec.trend === 'Ad' && fixed.phi === undefined) k++;
  if (spec.season !== 'N') k += (fixed.gamma !== undefined ? 0 : 1) + spec.m - 1;
  return k + 1; // + sigma
}

/**
 * Fits one ETS form by minimising −2·log L over the smoothing parameters and
 * the initial level and trend (the initial seasonal states come from a
 * classical decomposition of the first years). Returns null when every
 * trial breaks the model.
 */
export function fitEts(y: readonly number[], spec: EtsSpec, opts: EtsFitOptions = {}): EtsFit | null {
  const n = y.length;
  const fixed = opts.fixed ?? {};
  const init = initialStates(y, spec);
  const scale = Math.max(1e-8, mean(y.map(Math.abs)));
  // Optimised vector: alpha, beta/alpha, gamma/(1 − alpha), phi, l0 and b0 (scaled), seasonal states (optional).
  const names: string[] = [];
  const x0: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const add = (name: string, v: number, a: number, b: number): void => {
    names.push(name);
    x0.push(Math.min(b, Math.max(a, v)));
    lo.push(a);
    hi.push(b);
  };
  if (fixed.alpha === undefined) add('alpha', spec.season === 'N' ? 0.3 : 0.2, 1e-4, 0.9999);
  if (spec.trend !== 'N' && fixed.beta === undefined) add('beta', 0.1, 1e-4, 0.9999);
  if (spec.season !== 'N' && fixed.gamma === undefined) add('gamma', 0.05, 1e-4, 0.9999);
  if (spec.trend === 'Ad' && fixed.phi === undefined) add('phi', 0.97, 0.8, 0.98);
  const lScale = Math.max(Math.abs(init.l0), scale);
  add('l0', init.l0 / lScale, init.l0 / lScale - 2, init.l0 / lScale + 2);
  if (spec.trend !== 'N') add('b0', init.b0 / lScale, init.b0 / lScale - 0.5, init.b0 / lScale + 0.5);
  const m = spec.season === 'N' ? 1 : spec.m;
  const optS = opts.optimiseSeason === true && spec.season !== 'N';
  const sIdx = names.length;
  if (optS) {
    // m − 1 free states; the last makes them average 1 (M) or 0 (A).
    const sScale = spec.season === 'M' ? 1 : lScale;
    for (let i = 0; i < m - 1; i++) add(`s${i}`, init.s0[i] / sScale, init.s0[i] / sScale - 0.5, init.s0[i] / sScale + 0.5);
  }
  const sBuf = new Float64Array(m);
  const seasonOf = (x: number[]): Float64Array => {
    if (!optS) return init.s0;
    const sScale = spec.season === 'M' ? 1 : lScale;
    let tot = 0;
    for (let i = 0; i < m - 1; i++) {
      sBuf[i] = x[sIdx + i] * sScale;
      tot += sBuf[i];
    }
    sBuf[m - 1] = spec.season === 'M' ? m - tot : -tot;
    return sBuf;
  };
  const buf = new Float64Array(n + m);
  const decode = (x: number[]): EtsParams => {
    const get = (name: string): number | undefined => {
      const i = names.indexOf(name);
      return i >= 0 ? x[i] : undefined;
    };
    const alpha = fixed.alpha ?? get('alpha')!;
    // beta < alpha and gamma < 1 - alpha, expressed as fractions.
    const beta = fixed.beta ?? (spec.trend !== 'N' ? alpha * get('beta')! : 0);
    const gamma = fixed.gamma ?? (spec.season !== 'N' ? (1 - alpha) * get('gamma')! : 0);
    const phi = fixed.phi ?? (spec.trend === 'Ad' ? get('phi')! : 1);
    return { alpha, beta, gamma, phi, l0: get('l0')! * lScale, b0: spec.trend !== 'N' ? get('b0')! * lScale : 0, s0: seasonOf(x) };
  };
  const obj = (x: number[]): number => etsFilter(y, spec, decode(x), buf).lik;
  const nmOpts = { lower: lo, upper: hi, maxEvals: opts.maxEvals ?? Math.min(2000, 120 * x0.length + 100), tol: 1e-7 };
  const res = nelderMead(obj, x0, nmOpts);
  if (!Number.isFinite(res.value)) return null;
  const params = decode(res.x);
  params.s0 = Float64Array.from(params.s0);
  const level = new Float64Array(n + 1);
  const slope = new Float64Array(n + 1);
  const season = new Float64Array(n + m);
  const { lik, sse } = etsFilter(y, spec, params, season, level, slope);
  if (!Number.isFinite(lik)) return null;
  const k = etsParamCount(spec, fixed);
  const aic = lik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return { spec, params, level, slope, season, lik, aicc, sse };
}
