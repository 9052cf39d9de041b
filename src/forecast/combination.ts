import { makeFitted } from './fitted.js';
import type { Fitted } from './types.js';

/**
 * Combines fitted models by the mean (or median) of their forecast paths
 * from every origin; intervals come from the combined path's own in-sample
 * errors.
 */
export function combineFitted(name: string, y: readonly number[], parts: readonly Fitted[], how: 'mean' | 'median' = 'mean'): Fitted {
  if (parts.length === 1) return parts[0];
  const firstOrigin = Math.max(...parts.map((p) => p.firstOrigin));
  const pathFrom = (t: number, h: number): Float64Array => {
    const paths = parts.map((p) => p.pathFrom(t, h));
    const out = new Float64Array(h);
    const col = new Array<number>(paths.length);
    for (let k = 0; k < h; k++) {
      if (how === 'mean') {
        let s = 0;
        for (const p of paths) s += p[k];
        out[k] = s / paths.length;
      } else {
        for (let i = 0; i < paths.length; i++) col[i] = paths[i][k];
        col.sort((a, b) => a - b);
        const c = col.length;
        out[k] = c % 2 ? col[(c - 1) / 2] : (col[c / 2 - 1] + col[c / 2]) / 2;
      }
    }
    return out;
  };
  return makeFitted(`${name}(${parts.map((p) => p.name).join(', ')})`, y, pathFrom, firstOrigin, { params: Math.max(...parts.map((p) => p.params)) });
}
