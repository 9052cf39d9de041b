/**
 * Shapley values of a saving: the players are components switched from
 * baseline to optimised; `cost(mask)` is the cost with the components whose
 * bit is set optimised. Each component's share is its saving (cost before −
 * cost after switching it on) averaged over all n! orders of switching, so
 * the shares add up to cost(none) − cost(all) exactly (efficiency), a
 * component that never changes the cost gets 0 (null player).
 */
export function shapley(n: number, cost: (mask: number) => number): number[] {
  const values = new Map<number, number>();
  const v = (mask: number): number => {
    let c = values.get(mask);
    if (c === undefined) {
      c = cost(mask);
      values.set(mask, c);
    }
    return c;
  };
  const phi = new Array<number>(n).fill(0);
  let orders = 0;
  const perm = Array.from({ length: n }, (_, i) => i);
  const visit = (k: number): void => {
    if (k === n) {
      orders++;
      let mask = 0;
      for (const i of perm) {
        const next = mask | (1 << i);
        phi[i] += v(mask) - v(next);
        mask = next;
      }
      return;
    }
    for (let i = k; i < n; i++) {
      [perm[k], perm[i]] = [perm[i], perm[k]];
      visit(k + 1);
      [perm[k], perm[i]] = [perm[i], perm[k]];
    }
  };
  visit(0);
  return phi.map((x) => x / orders);
}
