import type { LpModel } from '../lp/model.js';
import type { McfInput } from './network-simplex.js';

/**
 * A linear model recognised as a pure network, with what is needed to map a
 * min-cost-flow answer back to the model's variables and constraints.
 */
export interface NetworkForm {
  mcf: McfInput;
  /** Per variable: arc index, or -1 for a variable with no constraint entries. */
  arcOf: Int32Array;
  /** Per variable: its lower bound (the arc carries x - lower). */
  shift: Float64Array;
  /** Per constraint: +1 or -1, the scaling that makes the row read `in - out`. */
  rowSign: Int8Array;
  /** Objective constant from shifted bounds and variables fixed outside the network. */
  offset: number;
  /** Values of variables outside the network (no constraint entries). */
  fixedValue: Float64Array;
  /** True when a variable outside the network makes the model unbounded. */
  unbounded: boolean;
}

/**
 * Recognises a pure network LP: every coefficient is ±1, every variable has
 * at most two entries, and rows can be signed (±1) so that each two-entry
 * column leaves one row and enters the other. Each row becomes a node whose
 * net inflow is bounded by the rhs; one-entry columns become arcs to or from
 * the slack root. Integer variables are allowed when all bounds and rhs are
 * integers (network LPs then have integral optima). Returns null otherwise.
 */
export function detectNetwork(model: LpModel): NetworkForm | null {
  const nv = model.variables.length;
  const nr = model.constraints.length;
  // Column entries: up to two (row, coef) pairs per variable.
  const cnt = new Uint8Array(nv);
  const r0 = new Int32Array(nv);
  const c0 = new Float64Array(nv);
  const r1 = new Int32Array(nv);
  const c1 = new Float64Array(nv);
  let integral = true;
  for (let i = 0; i < nr; i++) {
    const row = model.constraints[i];
    if (!Number.isInteger(row.rhs)) integral = false;
    for (let k = 0; k < row.vars.length; k++) {
      const a = row.coefs[k];
      if (a === 0) continue;
      if (a !== 1 && a !== -1) return null;
      const j = row.vars[k];
      if (cnt[j] === 0) {
        r0[j] = i;
        c0[j] = a;
      } else if (cnt[j] === 1) {
        r1[j] = i;
        c1[j] = a;
      } else return null;
      cnt[j]++;
    }
  }
  let hasInt = false;
  for (let j = 0; j < nv; j++) {
    const v = model.variables[j];
    if (v.lower === -Infinity) return null;
    if (v.integer) hasInt = true;
    if (!Number.isInteger(v.lower) || (Number.isFinite(v.upper) && !Number.isInteger(v.upper))) integral = false;
  }
  if (hasInt && !integral) return null;

  // Sign the rows: for a two-entry column, sign[r0]*c0 = -sign[r1]*c1.
  const rowSign = new Int8Array(nr);
  const adjStart = new Int32Array(nr + 1);
  for (let j = 0; j < nv; j++) if (cnt[j] === 2) {
    adjStart[r0[j] + 1]++;
    adjStart[r1[j] + 1]++;
  }
  for (let i = 0; i < nr; i++) adjStart[i + 1] += adjStart[i];
  const fill = adjStart.slice(0, nr);
  const adjCol = new Int32Array(adjStart[nr]);
  for (let j = 0; j < nv; j++) if (cnt[j] === 2) {
    adjCol[fill[r0[j]]++] = j;
    adjCol[fill[r1[j]]++] = j;
  }
  const queue = new Int32Array(nr);
  for (let s = 0; s < nr; s++) {
    if (rowSign[s] !== 0) continue;
    rowSign[s] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const r = queue[head++];
      for (let p = adjStart[r]; p < adjStart[r + 1]; p++) {
        const j = adjCol[p];
        const mine = r0[j] === r;
        const other = mine ? r1[j] : r0[j];
        // sign[other] * cOther = -sign[r] * cMine, and c0 * c1 = ±1
        const want = -rowSign[r] * c0[j] * c1[j];
        if (rowSign[other] === 0) {
          rowSign[other] = want;
          queue[tail++] = other;
        } else if (rowSign[other] !== want) return null;
      }
    }
  }

  // Build nodes (one per row) and arcs (one per constrained variable).
  const balance = new Float64Array(nr);
  const kind = new Uint8Array(nr);
  for (let i = 0; i < nr; i++) {
    const row = model.constraints[i];
    const R = rowSign[i] * row.rhs; // scaled row: in - out (sense') R
    let sense = row.sense;
    if (rowSign[i] < 0 && sense !== '=') sense = sense === '<=' ? '>=' : '<=';
    balance[i] = -R; // out - in (sense'') -R
    kind[i] = sense === '=' ? 0 : sense === '<=' ? 2 : 1; // in-out <= R  <=>  out-in >= -R
  }
  const arcOf = new Int32Array(nv).fill(-1);
  const shift = new Float64Array(nv);
  const fixedValue = new Float64Array(nv);
  let offset = model.objectiveOffset ?? 0;
  let unbounded = false;
  let m = 0;
  for (let j = 0; j < nv; j++) if (cnt[j] > 0) m++;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const cost = new Float64Array(m);
  const capacity = new Float64Array(m);
  const root = nr;
  let a = 0;
  for (let j = 0; j < nv; j++) {
    const v = model.variables[j];
    if (cnt[j] === 0) {
      const x = v.cost > 0 ? v.lower : v.cost < 0 ? v.upper : Number.isFinite(v.lower) ? v.lower : 0;
      if (!Number.isFinite(x)) unbounded = true;
      fixedValue[j] = Number.isFinite(x) ? x : 0;
      offset += v.cost * fixedValue[j];
      continue;
    }
    const l = v.lower;
    shift[j] = l;
    offset += v.cost * l;
    // Scaled coefficients: +1 = inflow to the row's node, -1 = outflow.
    const s0 = rowSign[r0[j]] * c0[j];
    let tail = root;
    let head = root;
    if (s0 > 0) head = r0[j];
    else tail = r0[j];
    if (cnt[j] === 2) {
      if (s0 > 0) tail = r1[j];
      else head = r1[j];
    }
    // Shift the bound out of the rows: the row gets rhs - a*l.
    if (l !== 0) {
      if (head !== root) balance[head] += l; // in grows by l: out - in decreases, so b' = b + l
      if (tail !== root) balance[tail] -= l;
    }
    from[a] = tail;
    to[a] = head;
    cost[a] = v.cost;
    capacity[a] = v.upper - l;
    arcOf[j] = a++;
  }
  // Single-entry columns reach a free node (index nr): its net flow is unrestricted.
  const nodeCount = nr + 1;
  const bal = new Float64Array(nodeCount);
  bal.set(balance);
  const kinds = new Uint8Array(nodeCount);
  kinds.set(kind);
  kinds[nr] = 3;
  return {
    mcf: { nodeCount, balance: bal, kind: kinds, from, to, cost, capacity },
    arcOf,
    shift,
    rowSign,
    offset,
    fixedValue,
    unbounded,
  };
}
