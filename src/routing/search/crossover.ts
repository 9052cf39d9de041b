import type { Rng } from '../../shared/random.js';

/**
 * Ordered crossover (OX) on giant tours: copies a random cyclic slice of
 * parent A, then fills the rest with the missing customers in parent B's
 * order, starting after the slice. `seen` is scratch of size n + 1.
 */
export function orderCrossover(a: Int32Array, b: Int32Array, out: Int32Array, seen: Uint8Array, rng: Rng): void {
  const n = a.length;
  if (n < 2) {
    out.set(a);
    return;
  }
  seen.fill(0);
  const start = rng.int(n);
  let end = rng.int(n);
  while (end === start) end = rng.int(n);
  let j = start;
  for (;;) {
    out[j] = a[j];
    seen[a[j]] = 1;
    if (j === end) break;
    j = (j + 1) % n;
  }
  j = (end + 1) % n;
  for (let i = 1; i <= n; i++) {
    const c = b[(end + i) % n];
    if (seen[c]) continue;
    out[j] = c;
    j = (j + 1) % n;
  }
}
