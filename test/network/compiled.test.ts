import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { edgeWeight, loadNetworkData, MODES, Network, shortestPath, type Mode, type Objective } from '../../src/network/index.js';
import { createRng } from '../../src/shared/random.js';
import { defaultDataDir } from '../../src/shared/paths.js';

const real = new Network(loadNetworkData(defaultDataDir()));
const small = new Network(loadNetworkData(join(import.meta.dirname, '../fixtures/network-small')));

describe('compiled graph agrees with graphology-shortest-path', () => {
  it.each([
    ['the fixture', small, 60],
    ['the shipped network', real, 300],
  ] as const)('on random queries over %s', (_name, network, n) => {
    const rng = createRng(42);
    const modeSets: Mode[][] = [[...MODES], ['road', 'rail'], ['road', 'air'], ['rail', 'sea']];
    let compared = 0;
    for (let q = 0; q < n; q++) {
      const modes = modeSets[q % modeSets.length];
      const objective = (['cost', 'time', 'co2'] as Objective[])[q % 3];
      const w = Math.exp(rng.normal() * 2);
      const g = network.compiled(modes);
      const s = g.ids[rng.int(g.ids.length)];
      const t = g.ids[rng.int(g.ids.length)];
      if (s === t) continue;
      const p = shortestPath(network, s, t, objective, w, modes);
      const { dist, predArc } = g.singleSource(g.index.get(s)!, g.weights(objective, w));
      const d = dist[g.index.get(t)!];
      if (!p) {
        expect(d).toBe(Infinity);
        continue;
      }
      const wf = edgeWeight(objective, w);
      const cost = p.edges.reduce((acc, e) => acc + wf(e), 0);
      expect(d).toBeCloseTo(cost, 9);
      // the compiled tree's own path has that cost too
      const arcs = g.arcsTo(g.index.get(t)!, predArc);
      const raw = g.toRawPath(g.index.get(s)!, arcs);
      expect(raw.nodes[0]).toBe(s);
      expect(raw.nodes.at(-1)).toBe(t);
      expect(raw.edges.reduce((acc, e) => acc + wf(e), 0)).toBeCloseTo(cost, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(n / 3);
  });
});
