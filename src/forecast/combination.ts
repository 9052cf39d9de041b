import { makeFitted } from './fitted.js';
import type { Fitted } from './types.js';

/**
 * Combines fitted models by the mean (or median) of their forecast paths
 * from every origin; intervals come from the combined path's own in-sample
 * errors. Non-finite component values are skipped step by step; `fallback`
 * records components that were left out.
 */
export function combineFitted(
  name: string,
  y: readonly number[],
  parts: readonly Fitted[],
  how: 'mean' | 'median' = 'mean',
  fallback?: string,
): Fitted {
  if (parts.length === 1 && !fallback) return parts[0];
  const firstOrigin = Math.max(...parts.map((p) => p.firstOrigin));
  const pathFrom = (t: number, h: number): Float64Array => {
    const paths = parts.map((p) => p.pathFrom(t, h));
    const out = new Float64Array(h);
    const col = new Array<number>(paths.length);
    for (let k = 0; k < h; k++) {
      // Non-finite component values are left out (NaN only when none is finite).
      let c = 0;
      for (let i = 0; i < paths.length; i++) if (Number.isFinite(paths[i][k])) col[c++] = paths[i][k];
      if (c === 0) out[k] = NaN;
      else if (how === 'mean') {
        let s = 0;
        for (let i = 0; i < c; i++) s += col[i];
        out[k] = s / c;
      } else {
        const v = col.slice(0, c).sort((a, b) => a - b);
        out[k] = c % 2 ? v[(c - 1) / 2] : (v[c / 2 - 1] + v[c / 2]) / 2;
      }
    }
    return out;
  };
  return makeFitted(`${name}(${parts.map((p) => p.name).join(', ')})`, y, pathFrom, firstOrigin, {
    params: Math.max(...parts.map((p) => p.params)),
    fallback,
  });
}
