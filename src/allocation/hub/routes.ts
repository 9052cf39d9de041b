import type { CompiledGraph } from '../../network/compiled.js';
import type { Network } from '../../network/network.js';
import type { Mode } from '../../network/types.js';
import type { AllocationOverrides, CostSplit, DirectedLane, HubModelOptions, OdDemand, PathPart, Route } from './types.js';

/** Candidate routes of every OD pair, and the registries they index into. */
export interface RouteSet {
  hubIds: string[];
  /** Directed lanes used by any candidate path (index = PathPart.lanes entries). */
  lanes: DirectedLane[];
  /** Routes usable in the model (no closed hub), at most maxRoutesPerOd per pair, cheapest first per pair. */
  routes: Route[];
  /** For each OD: its candidate origin and destination hubs (closed ones included), for explaining unmet demand. */
  candidates: { originHubs: number[]; destHubs: number[] }[];
}

interface Tree {
  dist: Float64Array;
  predArc: Int32Array;
}

/**
 * Builds the candidate routes of each OD pair (pure; no solving):
 * city → one of its k cheapest hubs by road (first mile, never through another
 * hub) → the cheapest trunk path per kg at bulk weight for each mode set →
 * one of the destination city's k cheapest hubs → the city (last mile, the
 * first mile of the destination reversed: road lanes cost the same both ways).
 * Closed lanes are never used; closed hubs are never passed, and routes
 * starting or ending at one are dropped (the hub stays in `candidates`).
 */
export function buildRoutes(network: Network, demand: readonly OdDemand[], opts: HubModelOptions, ov: AllocationOverrides = {}): RouteSet {
  const hubIds = network.data.hubs.map((h) => h.id);
  const hubIndex = new Map(hubIds.map((id, i) => [id, i]));
  const closedHubs = new Set(ov.closedHubs ?? []);
  const closedLanes = new Set(ov.closedLanes ?? []);
  const laneIndex = new Map<string, number>();
  const lanes: DirectedLane[] = [];
  const laneOf = (c: CompiledGraph, arc: number, costCnyPerKg: number): number => {
    const from = c.ids[c.tail(arc)];
    const a = c.attrs[arc];
    const key = `${a.laneId}|${from}`;
    let k = laneIndex.get(key);
    if (k === undefined) {
      k = lanes.length;
      const f = factor(a.mode, a.laneId);
      const shipmentCny = { fixedCnyPerShipment: c.fixedCny[arc] * f, haulCnyPerKg: (c.perKgCny[arc] - a.handlingCnyPerKg) * f };
      lanes.push({ laneId: a.laneId, from, to: c.ids[c.targets[arc]], mode: a.mode, costCnyPerKg, ...shipmentCny });
      laneIndex.set(key, k);
    }
    return k;
  };
  const reverseLane = (k: number): number => {
    const l = lanes[k];
    const key = `${l.laneId}|${l.to}`;
    let r = laneIndex.get(key);
    if (r === undefined) {
      r = lanes.length;
      lanes.push({ ...l, from: l.to, to: l.from });
      laneIndex.set(key, r);
    }
    return r;
  };
  const factor = (mode: Mode, laneId: string): number => (ov.modeCostFactor?.[mode] ?? 1) * (ov.laneCostFactor?.[laneId] ?? 1);

  /** Arc weights (CNY/kg at shipKg), with closed lanes and the exits of blocked nodes at Infinity. */
  const weights = (c: CompiledGraph, shipKg: number, blocked: (node: number) => boolean): Float64Array => {
    const w = new Float64Array(c.targets.length);
    for (let u = 0; u < c.ids.length; u++) {
      const block = blocked(u);
      for (let a = c.offsets[u]; a < c.offsets[u + 1]; a++) {
        const at = c.attrs[a];
        w[a] = block || closedLanes.has(at.laneId) ? Infinity : (c.fixedCny[a] / shipKg + c.perKgCny[a]) * factor(at.mode, at.laneId);
      }
    }
    return w;
  };
  const part = (c: CompiledGraph, arcs: number[], shipKg: number, innerHubs: number[]): PathPart => {
    const cost: CostSplit = { lineHaulCnyPerKg: 0, handlingCnyPerKg: 0, byMode: {} };
    const ids: number[] = [];
    for (const a of arcs) {
      const at = c.attrs[a];
      const f = factor(at.mode, at.laneId);
      const handling = at.handlingCnyPerKg * f;
      const haul = (c.fixedCny[a] / shipKg + c.perKgCny[a]) * f - handling;
      cost.lineHaulCnyPerKg += haul;
      cost.handlingCnyPerKg += handling;
      cost.byMode[at.mode] = (cost.byMode[at.mode] ?? 0) + haul;
      ids.push(laneOf(c, a, haul + handling));
    }
    return { lanes: ids, innerHubs, cost, costCnyPerKg: cost.lineHaulCnyPerKg + cost.handlingCnyPerKg };
  };

  // First mile: from each city by road, never through a hub (hubs are terminals).
  const road = network.compiled(['road']);
  const roadIsHub = (u: number) => hubIndex.has(road.ids[u]);
  const wLocal = weights(road, opts.localShipmentKg, roadIsHub);
  const cityIds = [...new Set(demand.flatMap((d) => [d.from, d.to]))];
  const access = new Map<string, { hub: number; part: PathPart }[]>();
  for (const city of cityIds) {
    const src = road.index.get(city);
    const list: { hub: number; part: PathPart; cost: number }[] = [];
    if (src !== undefined) {
      const t: Tree = road.singleSource(src, wLocal);
      hubIds.forEach((h, hi) => {
        const v = road.index.get(h);
        if (v === undefined || !Number.isFinite(t.dist[v])) return;
        list.push({ hub: hi, part: part(road, road.arcsTo(v, t.predArc), opts.localShipmentKg, []), cost: t.dist[v] });
      });
    }
    list.sort((a, b) => a.cost - b.cost || a.hub - b.hub);
    // The k cheapest open hubs, plus the closed hubs met before them (kept to explain unmet demand).
    const kept: { hub: number; part: PathPart }[] = [];
    let open = 0;
    for (const x of list) {
      if (open >= opts.nearestHubs) break;
      kept.push(x);
      if (!closedHubs.has(hubIds[x.hub])) open++;
    }
    access.set(city, kept);
  }
  const reversed = (p: PathPart): PathPart => ({ ...p, lanes: p.lanes.map(reverseLane).reverse() });

  // Trunk: cheapest path per kg at bulk weight between two hubs, per mode set, closed hubs never passed.
  const trunkCache = new Map<string, PathPart[]>();
  const trees = new Map<string, Tree>();
  const sets = opts.trunkModeSets.map((modes) => {
    const c = network.compiled(modes);
    return { c, w: weights(c, opts.trunkShipmentKg, (u) => closedHubs.has(c.ids[u])) };
  });
  const trunks = (h1: number, h2: number): PathPart[] => {
    const key = `${h1}>${h2}`;
    let out = trunkCache.get(key);
    if (out) return out;
    out = [];
    const seen = new Set<string>();
    sets.forEach(({ c, w }, s) => {
      const src = c.index.get(hubIds[h1]);
      const dst = c.index.get(hubIds[h2]);
      if (src === undefined || dst === undefined) return;
      let t = trees.get(`${s}:${h1}`);
      if (!t) {
        t = c.singleSource(src, w);
        trees.set(`${s}:${h1}`, t);
      }
      if (!Number.isFinite(t.dist[dst])) return;
      const arcs = c.arcsTo(dst, t.predArc);
      const inner = arcs.slice(0, -1).map((a) => hubIndex.get(c.ids[c.targets[a]])).filter((x): x is number => x !== undefined);
      const p = part(c, arcs, opts.trunkShipmentKg, inner);
      const sig = p.lanes.join(',');
      if (!seen.has(sig)) {
        seen.add(sig);
        out!.push(p);
      }
    });
    trunkCache.set(key, out);
    return out;
  };

  const routes: Route[] = [];
  const candidates: RouteSet['candidates'] = [];
  const lastMiles = new Map<string, PathPart>();
  demand.forEach((od, i) => {
    const origins = access.get(od.from) ?? [];
    const dests = access.get(od.to) ?? [];
    candidates.push({ originHubs: origins.map((o) => o.hub), destHubs: dests.map((d) => d.hub) });
    const mine: Route[] = [];
    for (const o of origins) {
      if (closedHubs.has(hubIds[o.hub])) continue;
      for (const d of dests) {
        if (closedHubs.has(hubIds[d.hub])) continue;
        const lmKey = `${od.to}|${d.hub}`;
        let lm = lastMiles.get(lmKey);
        if (!lm) {
          lm = reversed(d.part);
          lastMiles.set(lmKey, lm);
        }
        const ends = o.part.costCnyPerKg + lm.costCnyPerKg;
        if (o.hub === d.hub) {
          mine.push({ od: i, originHub: o.hub, destHub: d.hub, firstMile: o.part, trunk: null, lastMile: lm, hubs: [o.hub], costCnyPerKg: ends });
          continue;
        }
        for (const t of trunks(o.hub, d.hub)) {
          const hubs = [...new Set([o.hub, ...t.innerHubs, d.hub])];
          mine.push({ od: i, originHub: o.hub, destHub: d.hub, firstMile: o.part, trunk: t, lastMile: lm, hubs, costCnyPerKg: ends + t.costCnyPerKg });
        }
      }
    }
    mine.sort((a, b) => a.costCnyPerKg - b.costCnyPerKg);
    for (const r of mine.slice(0, opts.maxRoutesPerOd)) routes.push(r);
  });
  return { hubIds, lanes, routes, candidates };
}
