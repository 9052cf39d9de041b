import { InputError } from '../../shared/errors.js';
import type { Rng } from '../../shared/random.js';
import type { FlowArc, FlowInstance, FlowNode } from '../flow/instance.js';

/** Kinds of generated benchmark instances. */
export type InstanceKind = 'transport' | 'transship' | 'facility';
export const INSTANCE_KINDS: readonly InstanceKind[] = ['transport', 'transship', 'facility'];

/** A size `AxB`: A sources (transport) or hubs (transship, facility), B demand cities. */
export interface InstanceSize {
  a: number;
  b: number;
  label: string;
}

/** Parses `10x50,50x500` into sizes; throws InputError naming `sizes`. */
export function parseSizes(text: string): InstanceSize[] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/.exec(part);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new InputError(`--sizes: "${part}" is not AxB (e.g. 100x1000)`, 'sizes');
    return { a: Number(m[1]), b: Number(m[2]), label: `${Number(m[1])}x${Number(m[2])}` };
  });
}

type Point = [number, number];
const point = (rng: Rng): Point => [rng.next() * 1000, rng.next() * 1000];
const dist = (p: Point, q: Point): number => Math.hypot(p[0] - q[0], p[1] - q[1]);

/**
 * Transportation: A sources, B sinks on a 1000 × 1000 square, every pair an arc
 * costing 1 + round(distance / 10) per unit. Demands 10..100; total supply is
 * 1.25 × total demand, so sources need not ship all they have.
 */
export function transportInstance(sources: number, sinks: number, rng: Rng): FlowInstance {
  const sp = Array.from({ length: sources }, () => point(rng));
  const dp = Array.from({ length: sinks }, () => point(rng));
  const demand = dp.map(() => 10 + rng.int(91));
  const total = demand.reduce((s, d) => s + d, 0);
  const share = sp.map(() => 0.5 + rng.next());
  const shareSum = share.reduce((s, x) => s + x, 0);
  const nodes: FlowNode[] = [
    ...sp.map((_, i) => ({ id: `s${i}`, supply: Math.ceil((1.25 * total * share[i]) / shareSum) })),
    ...dp.map((_, j) => ({ id: `d${j}`, supply: -demand[j] })),
  ];
  const arcs: FlowArc[] = [];
  for (let i = 0; i < sources; i++) {
    for (let j = 0; j < sinks; j++) arcs.push({ from: `s${i}`, to: `d${j}`, costPerUnit: 1 + Math.round(dist(sp[i], dp[j]) / 10) });
  }
  return { nodes, arcs };
}

/**
 * Transshipment through hubs: max(1, B/10) origins, A hubs split into
 * `hX:in -> hX:out` with a throughput capacity (the hub's capacity price
 * comes from this arc), linehaul lanes between every pair of hubs with a
 * capacity, first mile from every origin to every hub, last mile from each
 * hub to the cities it is among the 5 nearest hubs of. Costs per unit follow
 * distance (linehaul at a third of the first/last-mile rate); total hub
 * capacity is 1.4 × demand, so some hubs bind.
 */
export function transshipInstance(hubs: number, cities: number, rng: Rng): FlowInstance {
  const origins = Math.max(1, Math.round(cities / 10));
  const op = Array.from({ length: origins }, () => point(rng));
  const hp = Array.from({ length: hubs }, () => point(rng));
  const cp = Array.from({ length: cities }, () => point(rng));
  const demand = cp.map(() => 10 + rng.int(91));
  const total = demand.reduce((s, d) => s + d, 0);
  const nodes: FlowNode[] = [];
  const arcs: FlowArc[] = [];
  op.forEach((_, o) => nodes.push({ id: `o${o}`, supply: Math.ceil((1.3 * total) / origins) }));
  const hubCap = Math.ceil((1.4 * total) / hubs);
  hp.forEach((_, h) => {
    nodes.push({ id: `h${h}:in`, supply: 0 }, { id: `h${h}:out`, supply: 0 });
    arcs.push({ from: `h${h}:in`, to: `h${h}:out`, costPerUnit: 1 + rng.int(3), capacity: Math.round(hubCap * (0.6 + 0.8 * rng.next())) });
  });
  cp.forEach((_, c) => nodes.push({ id: `c${c}`, supply: -demand[c] }));
  op.forEach((p, o) => hp.forEach((q, h) => arcs.push({ from: `o${o}`, to: `h${h}:in`, costPerUnit: 1 + Math.round(dist(p, q) / 10) })));
  for (let g = 0; g < hubs; g++) {
    for (let h = 0; h < hubs; h++) {
      if (g === h) continue;
      arcs.push({
        from: `h${g}:out`,
        to: `h${h}:in`,
        costPerUnit: 1 + Math.round(dist(hp[g], hp[h]) / 30),
        capacity: Math.ceil((0.5 * total) / Math.max(1, hubs - 1)),
      });
    }
  }
  const near = Math.min(hubs, 5);
  cp.forEach((p, c) => {
    const order = hp.map((q, h) => [dist(p, q), h] as const).sort((x, y) => x[0] - y[0]);
    for (let k = 0; k < near; k++) {
      const h = order[k][1];
      arcs.push({ from: `h${h}:out`, to: `c${c}`, costPerUnit: 1 + Math.round(order[k][0] / 10) });
    }
  });
  return { nodes, arcs };
}

/**
 * Capacitated facility location: a source `src`, A candidate hubs reached by
 * `src -> hX` with a fixed opening cost, a capacity and a handling cost per
 * unit, and every hub serving every one of B cities at a distance-based cost
 * per unit. Total capacity is 3 × demand; fixed costs are set so that a
 * handful of hubs open.
 */
export function facilityInstance(hubs: number, cities: number, rng: Rng): FlowInstance {
  const hp = Array.from({ length: hubs }, () => point(rng));
  const cp = Array.from({ length: cities }, () => point(rng));
  const demand = cp.map(() => 10 + rng.int(91));
  const total = demand.reduce((s, d) => s + d, 0);
  const nodes: FlowNode[] = [{ id: 'src', supply: 3 * total }];
  const arcs: FlowArc[] = [];
  const meanCap = (3 * total) / hubs;
  hp.forEach((_, h) => {
    nodes.push({ id: `h${h}`, supply: 0 });
    const capacity = Math.round(meanCap * (0.5 + rng.next()));
    arcs.push({ from: 'src', to: `h${h}`, costPerUnit: 1 + rng.int(3), capacity, fixedCost: Math.round(capacity * (20 + 20 * rng.next())) });
  });
  cp.forEach((p, c) => {
    nodes.push({ id: `c${c}`, supply: -demand[c] });
    hp.forEach((q, h) => arcs.push({ from: `h${h}`, to: `c${c}`, costPerUnit: 1 + Math.round(dist(p, q) / 10) }));
  });
  return { nodes, arcs };
}

/** Generates an instance of a kind and size. */
export function generateInstance(kind: InstanceKind, size: InstanceSize, rng: Rng): FlowInstance {
  if (kind === 'transport') return transportInstance(size.a, size.b, rng);
  if (kind === 'transship') return transshipInstance(size.a, size.b, rng);
  return facilityInstance(size.a, size.b, rng);
}
