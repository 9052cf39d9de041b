import type { MultiLineString } from 'geojson';
import type { RoadGraph } from './types.js';

/**
 * The streets of a road graph as one MultiLineString ([lon, lat], 5
 * decimals), for drawing the street network under routes. Each street piece
 * is drawn once whatever its directions: arcs are taken as undirected
 * segments and chains of degree-2 nodes are joined into one line, so the
 * output holds far fewer, longer lines than there are arcs.
 */
export function streetsGeometry(g: RoadGraph): MultiLineString {
  const n = g.nodeCount;
  // undirected adjacency without duplicates
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++) {
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const v = g.targets[a];
      if (v === u) continue;
      if (!adj[u].includes(v)) adj[u].push(v);
      if (!adj[v].includes(u)) adj[v].push(u);
    }
  }
  const used = new Set<number>(); // undirected edge key min * n + max
  const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
  const lines: number[][][] = [];
  const walk = (start: number, next: number) => {
    const line = [[r5(g.x[start]), r5(g.y[start])]];
    let prev = start;
    let cur = next;
    used.add(key(prev, cur));
    for (;;) {
      line.push([r5(g.x[cur]), r5(g.y[cur])]);
      if (adj[cur].length !== 2) break;
      const nxt = adj[cur][0] === prev ? adj[cur][1] : adj[cur][0];
      if (used.has(key(cur, nxt))) break;
      used.add(key(cur, nxt));
      prev = cur;
      cur = nxt;
    }
    lines.push(line);
  };
  for (let u = 0; u < n; u++) if (adj[u].length !== 2) for (const v of adj[u]) if (!used.has(key(u, v))) walk(u, v);
  // what is left are closed loops of degree-2 nodes
  for (let u = 0; u < n; u++) for (const v of adj[u]) if (!used.has(key(u, v))) walk(u, v);
  return { type: 'MultiLineString', coordinates: lines };
}
