import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import dijkstra from 'graphology-shortest-path/dijkstra.js';
import { InputError } from '../../shared/errors.js';
import { createRng } from '../../shared/random.js';
import { buildHierarchy } from '../../roads/ch/contract.js';
import { manyToMany } from '../../roads/ch/many-to-many.js';
import { ChQuery } from '../../roads/ch/query.js';
import { Dijkstra } from '../../roads/dijkstra.js';
import { toGraphology } from '../../roads/graphology.js';
import { loadRoadGraph } from '../../roads/load.js';
import { pathLength } from '../../roads/path-length.js';
import { largestStronglyConnected } from '../../roads/scc.js';
import type { Metric } from '../../roads/types.js';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';

/** Queries graphology's bidirectional Dijkstra runs on (it takes ~0.6 s each on a 234k-node graph). */
const GRAPHOLOGY_MAX_QUERIES = 50;
/** Matrix rows checked against a one-to-all plain Dijkstra. */
const MATRIX_CHECK_ROWS = 3;
const REL_TOL = 1e-9;

const nowMs = (): number => performance.now();
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const agree = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));

/**
 * npm run bench -- paths --graph PATH [--queries N] [--matrix K] [--seed S]
 *   [--weight distance|time] [--out RESULT.json] [--dump QUERIES.csv]
 *
 * Loads a road graph (.osm.pbf, NAME.nodes.csv, NAME.gr.bin), keeps its largest
 * strongly connected component, builds the contraction hierarchy of the
 * weight (timed as preprocessing), runs N seeded random point-to-point queries
 * (timed one by one after an untimed warm-up), checks every one against plain
 * Dijkstra and the first ≤ 50 against graphology-shortest-path's
 * dijkstra.bidirectional (timed), and times a K × K many-to-many matrix (rows
 * checked against one-to-all Dijkstra). Exits 1 if any distance disagrees.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['graph', 'queries', 'matrix', 'seed', 'weight', 'out', 'dump'] });
  const path = requireFlag(args, 'graph');
  const N = flagNumber(args, 'queries', 1000)!;
  const K = flagNumber(args, 'matrix', 1000)!;
  const seed = flagNumber(args, 'seed', 1)!;
  const weight = (flagString(args, 'weight') ?? 'distance') as Metric;
  if (weight !== 'distance' && weight !== 'time') throw new InputError(`--weight must be distance or time, got "${weight}"`, 'weight');
  if (!Number.isInteger(N) || N < 1) throw new InputError('--queries must be a positive integer', 'queries');
  if (!Number.isInteger(K) || K < 0) throw new InputError('--matrix must be a non-negative integer', 'matrix');
  const name = basename(path);
  const log = (s: string): void => console.log(s);

  let t = nowMs();
  const loaded = loadRoadGraph(path);
  const g = largestStronglyConnected(loaded);
  const loadS = (nowMs() - t) / 1000;
  log(`${name}: ${loaded.nodeCount} nodes, ${loaded.arcCount} arcs; largest strongly connected component ${g.nodeCount} nodes, ${g.arcCount} arcs (load ${loadS.toFixed(2)} s)`);

  t = nowMs();
  const cpu0 = process.cpuUsage();
  const h = buildHierarchy(g, weight);
  const preprocessingS = (nowMs() - t) / 1000;
  const preprocessingCpuS = process.cpuUsage(cpu0).user / 1e6;
  const rssAfterPreprocessingMb = peakRssMb();
  const upArcs = h.forward.targets.length + h.backward.targets.length;
  log(`contraction hierarchy (${weight}): ${preprocessingS.toFixed(2)} s wall, ${preprocessingCpuS.toFixed(2)} s CPU, ${upArcs} upward arcs (${(upArcs / g.arcCount).toFixed(2)}× the graph's arcs), peak RSS ${rssAfterPreprocessingMb.toFixed(0)} MB`);

  const rng = createRng(seed);
  const src = new Int32Array(N);
  const dst = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    src[i] = rng.int(g.nodeCount);
    dst[i] = rng.int(g.nodeCount);
  }
  const q = new ChQuery(h);
  for (let i = 0; i < N; i++) q.distance(h.rank[src[i]], h.rank[dst[i]], false); // warm-up
  const chDist = new Float64Array(N);
  const chMs: number[] = [];
  let settled = 0;
  const qCpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const a = nowMs();
    chDist[i] = q.distance(h.rank[src[i]], h.rank[dst[i]], false);
    chMs.push(nowMs() - a);
    settled += q.settled;
  }
  const p2pMeanCpuMs = process.cpuUsage(qCpu0).user / 1000 / N;
  const pathMs: number[] = [];
  const paths: (number[] | null)[] = [];
  let badPath = 0;
  for (let i = 0; i < N; i++) {
    const a = nowMs();
    q.distance(h.rank[src[i]], h.rank[dst[i]]);
    const p = q.pathRanks();
    pathMs.push(nowMs() - a);
    paths.push(p);
  }
  // every unpacked path must run from source to target along real arcs and add up to the distance
  for (let i = 0; i < N; i++) {
    const p = paths[i];
    const nodes = p ? p.map((r) => h.order[r]) : [];
    if (!p || nodes[0] !== src[i] || nodes[nodes.length - 1] !== dst[i] || !agree(pathLength(g, weight, nodes), chDist[i])) badPath++;
  }
  const p2pMedianMs = median(chMs);
  log(
    `engine p2p: median ${p2pMedianMs.toFixed(4)} ms, mean ${(chMs.reduce((s, x) => s + x, 0) / N).toFixed(4)} ms (CPU ${p2pMeanCpuMs.toFixed(4)} ms), ` +
      `${(settled / N).toFixed(0)} nodes settled per query; with path unpacking median ${median(pathMs).toFixed(4)} ms`,
  );

  const dij = new Dijkstra(g, weight);
  t = nowMs();
  const dijMs: number[] = [];
  let mismatches = badPath;
  for (let i = 0; i < N; i++) {
    const a = nowMs();
    const ref = dij.distance(src[i], dst[i]);
    dijMs.push(nowMs() - a);
    if (!agree(ref, chDist[i])) {
      mismatches++;
      if (mismatches <= 5) log(`  MISMATCH ${g.ids[src[i]]} -> ${g.ids[dst[i]]}: engine ${chDist[i]}, Dijkstra ${ref}`);
    }
  }
  log(`plain Dijkstra (reference) on all ${N} queries: median ${median(dijMs).toFixed(2)} ms; ${mismatches === badPath ? 'all distances agree' : `${mismatches - badPath} MISMATCHES`}; ${badPath ? `${badPath} BAD PATHS` : 'every unpacked path adds up'}`);

  let matrixS = NaN;
  let matrixCpuS = NaN;
  let matrixMismatches = 0;
  if (K > 0) {
    const pts = new Int32Array(K);
    for (let i = 0; i < K; i++) pts[i] = rng.int(g.nodeCount);
    const ranks = Array.from(pts, (v) => h.rank[v]);
    t = nowMs();
    const mCpu0 = process.cpuUsage();
    const m = manyToMany(h, ranks, ranks);
    matrixS = (nowMs() - t) / 1000;
    matrixCpuS = process.cpuUsage(mCpu0).user / 1e6;
    for (let r = 0; r < Math.min(K, MATRIX_CHECK_ROWS); r++) {
      const all = dij.oneToAll(pts[r]);
      for (let c = 0; c < K; c++) if (!agree(all[pts[c]], m.weight[r * K + c])) matrixMismatches++;
    }
    log(`${K}×${K} matrix: ${matrixS.toFixed(3)} s (CPU ${matrixCpuS.toFixed(3)} s); ${Math.min(K, MATRIX_CHECK_ROWS)} rows checked against one-to-all Dijkstra: ${matrixMismatches ? `${matrixMismatches} MISMATCHES` : 'all agree'}`);
  }

  // the engine's peak memory, before graphology's comparison graph is built
  const enginePeakRssMb = peakRssMb();
  const G = Math.min(N, GRAPHOLOGY_MAX_QUERIES);
  t = nowMs();
  const gg = toGraphology(g);
  const attr = weight === 'distance' ? 'distanceM' : 'durationS';
  log(`graphology graph built in ${((nowMs() - t) / 1000).toFixed(2)} s`);
  const grMs: number[] = [];
  let grMismatches = 0;
  for (let i = 0; i < G; i++) {
    const s = String(g.ids[src[i]]);
    const d = String(g.ids[dst[i]]);
    const a = nowMs();
    const p = dijkstra.bidirectional(gg, s, d, attr);
    grMs.push(nowMs() - a);
    let len = p ? 0 : Infinity;
    if (p) for (let k = 1; k < p.length; k++) len += gg.getEdgeAttribute(gg.edge(p[k - 1], p[k]), attr);
    if (!agree(len, chDist[i])) {
      grMismatches++;
      if (grMismatches <= 5) log(`  graphology MISMATCH ${s} -> ${d}: engine ${chDist[i]}, graphology ${len}`);
    }
  }
  const grMedianMs = median(grMs);
  log(`graphology dijkstra.bidirectional on ${G} queries: median ${grMedianMs.toFixed(2)} ms; ${grMismatches ? `${grMismatches} MISMATCHES` : 'all distances agree'}`);

  if (flagString(args, 'dump')) {
    const lines = ['source,target,distance'];
    for (let i = 0; i < N; i++) lines.push(`${g.ids[src[i]]},${g.ids[dst[i]]},${chDist[i]}`);
    writeFileSync(flagString(args, 'dump')!, lines.join('\n') + '\n');
  }
  const processPeak = peakRssMb();
  log(`peak RSS: engine ${enginePeakRssMb.toFixed(0)} MB (load, preprocessing, queries, matrix); whole process with graphology's comparison ${processPeak.toFixed(0)} MB`);
  const result = {
    graph: path,
    weight,
    seed,
    nodes: loaded.nodeCount,
    arcs: loaded.arcCount,
    componentNodes: g.nodeCount,
    componentArcs: g.arcCount,
    loadS,
    preprocessingS,
    preprocessingCpuS,
    upwardArcs: upArcs,
    queries: N,
    p2pMedianMs,
    p2pMeanCpuMs,
    p2pWithPathMedianMs: median(pathMs),
    settledPerQuery: settled / N,
    dijkstraMedianMs: median(dijMs),
    graphologyQueries: G,
    graphologyMedianMs: grMedianMs,
    speedupVsGraphology: grMedianMs / p2pMedianMs,
    matrixSize: K,
    matrixS,
    matrixCpuS,
    mismatches: mismatches + matrixMismatches + grMismatches,
    peakRssAfterPreprocessingMb: rssAfterPreprocessingMb,
    peakRssMb: enginePeakRssMb,
    processPeakRssWithGraphologyMb: processPeak,
    loadAverage: (await import('node:os')).loadavg(),
  };
  if (flagString(args, 'out')) writeFileSync(flagString(args, 'out')!, JSON.stringify(result, null, 2) + '\n');
  if (result.mismatches > 0) process.exitCode = 1;
  log(
    `${name}: ${loaded.nodeCount} nodes, p2p median ${p2pMedianMs.toFixed(4)} ms (graphology ${grMedianMs.toFixed(1)} ms, ${Math.round(grMedianMs / p2pMedianMs)}× faster), ` +
      `${K}x${K} matrix ${matrixS.toFixed(2)} s, preprocessing ${preprocessingS.toFixed(1)} s, peak RSS ${enginePeakRssMb.toFixed(0)} MB`,
  );
}
