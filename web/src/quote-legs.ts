// Recovering the legs of a quote option's path, so that each leg can be drawn in its mode's colour.
// The quote API gives the path as a LineString of great-circle arcs from place to place, the hubs
// by name, the set of modes and, in the breakdown, the line-haul kilometres per mode; the legs
// themselves are not in the answer. The places are the vertices that sit exactly on a place of the
// network; each leg's mode is the one with a lane between its ends, and where several modes have
// one, the combination whose kilometres per mode match the breakdown best.
import type { QuoteOption } from './quote-types.js';
import type { LaneProps, Mode, NetworkCollection } from './types.js';

/** A place of the network, as the inference needs it. */
export interface LegPlace {
  id: string;
  kind: 'city' | 'hub';
  name: string;
  lon: number;
  lat: number;
}

/** A lane between two places (either way). */
export interface LegLane {
  mode: Mode;
  distanceM: number;
  durationS: number;
}

/** The network as the inference needs it: places and lanes by unordered pair `a|b`. */
export interface LegNetwork {
  places: readonly LegPlace[];
  lanes: ReadonlyMap<string, LegLane[]>;
}

/** One inferred leg, with its part of the option's LineString. */
export interface QuoteLeg {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  mode: Mode;
  distanceM: number;
  durationS: number;
  coordinates: [number, number][];
}

const TOLERANCE_DEG = 2e-5; // the API rounds coordinates to 1e-5°
const MAX_COMBINATIONS = 20_000;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The lanes of `GET /api/network` indexed by unordered pair of places, for {@link inferLegs}. */
export function laneIndex(network: NetworkCollection): Map<string, LegLane[]> {
  const out = new Map<string, LegLane[]>();
  for (const f of network.features) {
    const p = f.properties as LaneProps;
    if (p.kind !== 'lane') continue;
    const k = pairKey(p.from, p.to);
    const list = out.get(k) ?? [];
    if (!list.some((l) => l.mode === p.mode)) list.push({ mode: p.mode, distanceM: p.distanceM, durationS: p.durationS });
    out.set(k, list);
  }
  return out;
}

/** Line-haul kilometres per mode from breakdown details such as "road 312 km". */
export function modeKmFromBreakdown(o: Pick<QuoteOption, 'breakdown'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of o.breakdown) {
    if (l.component !== 'lineHaul') continue;
    const m = /^(\w+)\s+([\d,.]+)\s*km\b/.exec(l.detail);
    if (m) out.set(m[1], (out.get(m[1]) ?? 0) + Number(m[2].replace(/,/g, '')));
  }
  return out;
}

/**
 * The legs of an option's path from origin `originId` to `destinationId`, or null when they cannot
 * be told apart (no geometry, or vertices that do not match the leg count, hubs or lanes); the
 * caller then draws the path in one colour.
 */
export function inferLegs(o: QuoteOption, originId: string, destinationId: string, net: LegNetwork): QuoteLeg[] | null {
  const coords = o.path.geometry?.coordinates as [number, number][] | undefined;
  if (!coords || coords.length < 2 || o.path.legs < 1) return null;
  const slots: { index: number; ids: string[] }[] = [];
  coords.forEach(([lon, lat], index) => {
    const ids = net.places.filter((p) => Math.abs(p.lon - lon) <= TOLERANCE_DEG && Math.abs(p.lat - lat) <= TOLERANCE_DEG).map((p) => p.id);
    if (ids.length) slots.push({ index, ids });
  });
  if (slots.length !== o.path.legs + 1) return null;
  const byId = new Map(net.places.map((p) => [p.id, p]));
  const allowed = new Set<string>(o.path.modes);
  const lanesOf = (a: string, b: string) => (net.lanes.get(pairKey(a, b)) ?? []).filter((l) => allowed.has(l.mode));

  // The places: a walk through the slots' candidates with a lane between neighbours, whose hubs are
  // the option's hubs in order.
  const chosen: string[] = [];
  const walk = (k: number, hubsSeen: number): boolean => {
    if (k === slots.length) return hubsSeen === o.path.hubs.length;
    for (const id of slots[k].ids) {
      if (k === 0 && id !== originId) continue;
      if (k === slots.length - 1 && id !== destinationId) continue;
      if (k > 0 && (id === chosen[k - 1] || lanesOf(chosen[k - 1], id).length === 0)) continue;
      const p = byId.get(id)!;
      let seen = hubsSeen;
      if (p.kind === 'hub') {
        if (o.path.hubs[hubsSeen] !== p.name) continue;
        seen++;
      }
      chosen[k] = id;
      if (walk(k + 1, seen)) return true;
    }
    return false;
  };
  if (!walk(0, 0)) return null;

  // The modes: every combination of the legs' candidate lanes (few), scored against the kilometres
  // per mode of the breakdown; every mode of the option must be used.
  const options = chosen.slice(1).map((id, i) => lanesOf(chosen[i], id));
  const target = modeKmFromBreakdown(o);
  let combos = 1;
  for (const c of options) combos *= c.length;
  let best: LegLane[] = options.map((c) => c[0]);
  if (combos > 1 && combos <= MAX_COMBINATIONS) {
    let bestScore = Infinity;
    const pick: LegLane[] = [];
    const score = () => {
      const km = new Map<string, number>();
      for (const l of pick) km.set(l.mode, (km.get(l.mode) ?? 0) + l.distanceM / 1000);
      let s = 0;
      for (const m of allowed) if (!km.has(m)) s += 1e6;
      for (const [m, v] of km) s += Math.abs(v - (target.get(m) ?? 0));
      for (const [m, v] of target) if (!km.has(m)) s += v;
      return s;
    };
    const rec = (i: number) => {
      if (i === options.length) {
        const s = score();
        if (s < bestScore) {
          bestScore = s;
          best = [...pick];
        }
        return;
      }
      for (const l of options[i]) {
        pick[i] = l;
        rec(i + 1);
      }
    };
    rec(0);
  }
  return best.map((lane, i) => {
    const a = byId.get(chosen[i])!;
    const b = byId.get(chosen[i + 1])!;
    return {
      from: a.id,
      to: b.id,
      fromName: a.name,
      toName: b.name,
      mode: lane.mode,
      distanceM: lane.distanceM,
      durationS: lane.durationS,
      coordinates: coords.slice(slots[i].index, slots[i + 1].index + 1),
    };
  });
}
