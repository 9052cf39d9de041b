/**
 * Nelder–Mead minimisation with box bounds (points are clamped into the box).
 * Deterministic; used to fit smoothing parameters.
 */
export interface NelderMeadOptions {
  lower: readonly number[];
  upper: readonly number[];
  /** Maximum objective evaluations (default 200 × dimension). */
  maxEvals?: number;
  /** Stop when the spread of objective values in the simplex is below this (default 1e-8 relative). */
  tol?: number;
  /** Initial step as a fraction of the box width (default 0.1). */
  step?: number;
}

/** Result: best point and value. */
export interface NelderMeadResult {
  x: number[];
  value: number;
  evals: number;
}

/** Minimises f from x0 within [lower, upper]. */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], opts: NelderMeadOptions): NelderMeadResult {
  const d = x0.length;
  const { lower, upper } = opts;
  const maxEvals = opts.maxEvals ?? 200 * d;
  const tol = opts.tol ?? 1e-8;
  const step = opts.step ?? 0.1;
  const clamp = (x: number[]): number[] => x.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));
  let evals = 0;
  const F = (x: number[]): number => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [clamp(x0.slice())];
  for (let i = 0; i < d; i++) {
    const p = pts[0].slice();
    const w = (upper[i] - lower[i]) * step;
    p[i] = p[i] + w <= upper[i] ? p[i] + w : p[i] - w;
    pts.push(clamp(p));
  }
  let vals = pts.map(F);
  while (evals < maxEvals) {
    const order = vals.map((v, i) => i).sort((a, b) => vals[a] - vals[b]);
    const P = order.map((i) => pts[i]);
    const V = order.map((i) => vals[i]);
    pts.splice(0, pts.length, ...P);
    vals = V;
    const best = vals[0];
    const worst = vals[d];
    if (Number.isFinite(worst) && Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) break;
    const c = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) c[j] += pts[i][j] / d;
    const xr = clamp(c.map((v, j) => v + (v - pts[d][j])));
    const fr = F(xr);
    if (fr < vals[0]) {
      const xe = clamp(c.map((v, j) => v + 2 * (v - pts[d][j])));
      const fe = F(xe);
      if (fe < fr) {
        pts[d] = xe;
        vals[d] = fe;
      } else {
        pts[d] = xr;
        vals[d] = fr;
      }
    } else if (fr < vals[d - 1]) {
      pts[d] = xr;
      vals[d] = fr;
    } else {
      const outside = fr < vals[d];
      const xc = clamp(c.map((v, j) => (outside ? v + 0.5 * (xr[j] - v) : v + 0.5 * (pts[d][j] - v))));
      const fc = F(xc);
      if (fc < Math.min(fr, vals[d])) {
        pts[d] = xc;
        vals[d] = fc;
      } else {
        for (let i = 1; i <= d; i++) {
          pts[i] = clamp(pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j])));
          vals[i] = F(pts[i]);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i < vals.length; i++) if (vals[i] < vals[bi]) bi = i;
  return { x: pts[bi], value: vals[bi], evals };
}
