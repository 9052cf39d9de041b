import { writeFileSync } from 'node:fs';
import { loadNetworkData, Network, shortestPath, shortestPathsFrom, MODES, type Objective } from '../../network/index.js';
import { createRng } from '../../shared/random.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs } from '../args.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * hubflow bench network [--queries N] [--seed S] [--out RESULT.json]: the hub network's two path engines on the
 * shipped data — graphology-shortest-path (p2p bidirectional and single-source) against the compiled typed-array
 * Dijkstra — checking that they agree on every query.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['queries', 'seed', 'out', 'data'] });
  const n = flagNumber(args, 'queries', 500)!;
  const rng = createRng(flagNumber(args, 'seed', 1)!);
  const network = new Network(loadNetworkData(flagString(args, 'data') ?? defaultDataDir()));
  const g = network.compiled(MODES);
  const ids = g.ids;
  const objectives: Objective[] = ['cost', 'time', 'co2'];
  const p2pGraphology: number[] = [];
  const ssGraphology: number[] = [];
  const ssCompiled: number[] = [];
  let mismatches = 0;
  for (let q = 0; q < n; q++) {
    const s = ids[rng.int(ids.length)];
    let t = ids[rng.int(ids.length)];
    while (t === s) t = ids[rng.int(ids.length)];
    const objective = objectives[q % 3];
    const w = Math.exp(rng.normal() * 2);
    let t0 = performance.now();
    const p = shortestPath(network, s, t, objective, w, MODES);
    p2pGraphology.push(performance.now() - t0);
    if (q < Math.min(n, 200)) {
      t0 = performance.now();
      shortestPathsFrom(network, s, objective, w, MODES);
      ssGraphology.push(performance.now() - t0);
    }
    t0 = performance.now();
    const weights = g.weights(objective, w);
    const { dist } = g.singleSource(g.index.get(s)!, weights);
    ssCompiled.push(performance.now() - t0);
    const cost = p ? p.edges.reduce((acc, e) => acc + (objective === 'cost' ? e.fixedCny + e.perKgCny * w : objective === 'time' ? e.durationS : e.co2KgPerKg * w), 0) : Infinity;
    const d = dist[g.index.get(t)!];
    if (!(Math.abs(cost - d) <= 1e-9 * Math.max(1, Math.abs(d))) && !(cost === Infinity && d === Infinity)) mismatches++;
  }
  const rows = [
    ['graphology bidirectional, p2p', median(p2pGraphology)],
    ['graphology single-source', median(ssGraphology)],
    ['compiled single-source', median(ssCompiled)],
  ] as const;
  console.log(`hub network: ${g.ids.length} nodes, ${g.targets.length} directed lanes, ${n} queries`);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(32)} median ${ms.toFixed(3)} ms`);
  const speedup = rows[1][1] / rows[2][1];
  const out = flagString(args, 'out');
  if (out) writeFileSync(out, JSON.stringify({ nodes: g.ids.length, arcs: g.targets.length, queries: n, medianMs: Object.fromEntries(rows), mismatches, speedup }, null, 2));
  console.log(`network: ${g.ids.length} nodes, graphology p2p ${rows[0][1].toFixed(3)} ms, single-source ${rows[1][1].toFixed(3)} ms vs compiled ${rows[2][1].toFixed(3)} ms (${speedup.toFixed(0)}× faster), ${mismatches} mismatches`);
  if (mismatches > 0) process.exitCode = 1;
}
