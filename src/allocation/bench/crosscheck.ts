import { createRng, type Rng } from '../../shared/random.js';
import { buildFlowLp } from '../flow/build.js';
import type { FlowArc, FlowInstance, FlowNode } from '../flow/instance.js';
import { checkSolution, objectivesAgree } from '../lp/check.js';
import type { BackendName, LpResult } from '../lp/model.js';
import { detectNetwork } from '../solvers/network-detect.js';
import { solveLp } from '../solve.js';
import { flowMipStart } from '../flow/solve.js';

/**
 * A random small flow instance for cross-checking: 1-4 sources, 0-3 hubs,
 * 1-6 sinks, random arcs (some with capacities, some with fixed costs when
 * `mip`, capacitated or not), integer data; some instances are infeasible on purpose, and some
 * carry an unmet-demand penalty.
 */
export function randomSmallInstance(rng: Rng, mip: boolean): { instance: FlowInstance; unmetPenalty?: number } {
  const ns = 1 + rng.int(4);
  const nh = rng.int(4);
  const nd = 1 + rng.int(6);
  const nodes: FlowNode[] = [];
  for (let i = 0; i < ns; i++) nodes.push({ id: `s${i}`, supply: 5 + rng.int(40) });
  for (let i = 0; i < nh; i++) nodes.push({ id: `h${i}`, supply: 0 });
  for (let i = 0; i < nd; i++) nodes.push({ id: `d${i}`, supply: -(1 + rng.int(25)) });
  const arcs: FlowArc[] = [];
  const ids = (p: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);
  const S = ids('s', ns);
  const H = ids('h', nh);
  const D = ids('d', nd);
  const maybeArc = (from: string, to: string, p: number): void => {
    if (rng.next() > p) return;
    const arc: FlowArc = { from, to, costPerUnit: rng.int(20) };
    if (rng.next() < 0.4) arc.capacity = 1 + rng.int(30);
    if (mip && rng.next() < 0.35) {
      // Some fixed-cost arcs stay uncapacitated: their big-M is then the demand they can reach.
      if (rng.next() < 0.6) arc.capacity ??= 10 + rng.int(40);
      arc.fixedCost = rng.int(60);
    }
    arcs.push(arc);
  };
  for (const s of S) for (const d of D) maybeArc(s, d, 0.6);
  for (const s of S) for (const h of H) maybeArc(s, h, 0.7);
  for (const h of H) for (const d of D) maybeArc(h, d, 0.7);
  for (const g of H) for (const h of H) if (g !== h) maybeArc(g, h, 0.3);
  const unmetPenalty = rng.next() < 0.5 ? 20 + rng.int(80) : undefined;
  return { instance: { nodes, arcs }, unmetPenalty };
}

export interface CrossCheckReport {
  instances: number;
  /** Solves per backend. */
  solves: Record<BackendName, number>;
  optimal: number;
  infeasible: number;
  /** MIPs also solved by HiGHS from the local-search start. */
  withStart: number;
  disagreements: { seed: number; detail: string }[];
}

/**
 * Solves `count` random small instances (about a third of them MIPs) with every
 * applicable backend and checks: same status, objectives within 1e-6 relative,
 * each returned point feasible for the model. Instance k uses seed `seed + k`.
 */
export async function crossCheck(count: number, seed: number, onProgress?: (done: number) => void): Promise<CrossCheckReport> {
  const report: CrossCheckReport = {
    instances: 0,
    solves: { networkSimplex: 0, highs: 0, jsLpSolver: 0 },
    optimal: 0,
    infeasible: 0,
    withStart: 0,
    disagreements: [],
  };
  for (let k = 0; k < count; k++) {
    const s = seed + k;
    const rng = createRng(s);
    const mip = rng.next() < 0.35;
    const { instance, unmetPenalty } = randomSmallInstance(rng, mip);
    const built = buildFlowLp(instance, { unmetPenalty });
    const backends: BackendName[] = ['highs', 'jsLpSolver'];
    if (detectNetwork(built.model)) backends.unshift('networkSimplex');
    const results: LpResult[] = [];
    for (const backend of backends) {
      try {
        results.push(await solveLp(built.model, { backend, validate: false }));
        report.solves[backend]++;
      } catch (err) {
        report.disagreements.push({ seed: s, detail: `${backend} threw: ${(err as Error).message}` });
      }
    }
    // MIPs: also HiGHS started from the local-search point with its heuristics off (the solveFlow path).
    const start = flowMipStart(built, { backend: 'highs' });
    if (start) {
      try {
        const r = await solveLp(built.model, { backend: 'highs', validate: false, mipStart: start });
        results.push(r);
        report.withStart++;
      } catch (err) {
        report.disagreements.push({ seed: s, detail: `highs with start threw: ${(err as Error).message}` });
      }
    }
    report.instances++;
    const ref = results[0];
    if (!ref) continue;
    if (ref.status === 'optimal') report.optimal++;
    if (ref.status === 'infeasible') report.infeasible++;
    for (const r of results.slice(1)) {
      if (r.status !== ref.status) {
        report.disagreements.push({ seed: s, detail: `status ${ref.backend}=${ref.status} vs ${r.backend}=${r.status}` });
      } else if (r.status === 'optimal' && !objectivesAgree(ref.objective, r.objective)) {
        report.disagreements.push({ seed: s, detail: `objective ${ref.backend}=${ref.objective} vs ${r.backend}=${r.objective}` });
      }
    }
    for (const r of results) {
      if (!r.values) continue;
      const c = checkSolution(built.model, r.values);
      if (c.maxViolation > 1e-6 || !objectivesAgree(c.objective, r.objective, 1e-9)) {
        report.disagreements.push({ seed: s, detail: `${r.backend}: point violates ${c.worst} or objective misreported` });
      }
    }
    onProgress?.(k + 1);
  }
  return report;
}
