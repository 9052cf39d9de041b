import type { LineString } from 'geojson';
import { pathGeometry, type Mode, type Network, type RawPath } from '../network/index.js';
import type { Tariff } from './tariff.js';
import { jsonText } from './json-text.js';
import { asciiBytes } from './byte-out.js';
import { lineTemplate, type CongestionLines, type LineTemplate } from './pricing.js';

/** The path summary of a quote option (ids of cities and hubs, metres, seconds). */
export interface PathSummary {
  hubs: string[];
  hubIds: string[];
  modes: Mode[];
  distanceM: number;
  durationS: number;
  legs: { from: string; to: string; mode: Mode; distanceM: number; durationS: number }[];
  geometry?: LineString;
}

/** A path summary without its legs and geometry. */
export type PathSummaryBase = Omit<PathSummary, 'legs' | 'geometry'>;

/**
 * Everything about a path that does not depend on the parcel: legs, hubs,
 * modes and km per mode, the breakdown lines' texts and JSON pieces, the
 * remote-area rule of the destination, and the path summary already
 * serialised as JSON. Quotes of every weight that
 * take this path share one plan, so pricing a parcel is a few
 * multiplications (pricing.ts, priceLines).
 */
export interface RoutePlan {
  raw: RawPath;
  international: boolean;
  /** Door-to-door line-haul duration, hub handling included (sum over legs, in order). */
  durationS: number;
  co2KgPerKg: number;
  /** Line-haul modes in order of first use, with the mode index of each edge. */
  modes: Mode[];
  edgeMode: number[];
  kmByMode: number[];
  /**
   * Per edge, in path order, four numbers: fixed CNY, CNY per kg, the part of it paid for
   * handling at the arrival node, and the mode index. One array, so pricing reads a few
   * adjacent words instead of several objects (a server quotes with cold caches).
   */
  edgePricing: Float64Array;
  /** summary.durationS (the tie-break for the fastest tag), kept next to the other hot fields. */
  roundedDurationS: number;
  /** Fuel surcharge in % per mode (same order as modes). */
  fuelPct: number[];
  /** The destination is outside China (last mile at the international rate). */
  abroad: boolean;
  firstMileLine: LineTemplate;
  lineHaulLines: LineTemplate[];
  sortingLine: LineTemplate;
  lastMileLine: LineTemplate;
  remote: Tariff['remote'][number] | null;
  remoteLine: LineTemplate | null;
  /** Congestion lines for the engine's current capacity prices (made on first use after each change). */
  congestion: CongestionLines | null;
  /** The path summary but its legs (planSummary adds them, made from raw on each call: they were ~40% of a plan's memory, and only the object API and each plan's first JSON answer read them). */
  summary: PathSummaryBase;
  /** Bytes of `,"path":` + JSON of `summary` (no geometry) + `,"tags":[`, made when first written as JSON (pathJson()). */
  pathJson: Buffer | null;
  /** The path as a GeoJSON LineString and the summary JSON with it, made on first request. */
  geometry: LineString | null;
  pathWithGeometryJson: Buffer | null;
}

/** The plan of a path (see RoutePlan). */
export function planRoute(network: Network, tariff: Tariff, provinceZh: ReadonlyMap<string, string>, raw: RawPath): RoutePlan {
  const place = (id: string) => network.place(id)!;
  const first = place(raw.nodes[0]);
  const dest = place(raw.nodes[raw.nodes.length - 1]);
  const hubIds = raw.nodes.filter((id) => place(id).kind === 'hub');
  const modes: Mode[] = [];
  const edgeMode: number[] = [];
  const kmByMode: number[] = [];
  let durationS = 0;
  let distanceM = 0;
  let co2KgPerKg = 0;
  raw.edges.forEach((e) => {
    let m = modes.indexOf(e.mode);
    if (m < 0) {
      m = modes.push(e.mode) - 1;
      kmByMode.push(0);
    }
    edgeMode.push(m);
    kmByMode[m] += e.distanceM / 1000;
    durationS += e.durationS;
    distanceM += e.distanceM;
    co2KgPerKg += e.co2KgPerKg;
  });
  // Filled in a loop: Float64Array.from(array.flatMap(…)) took half of planRoute's time (it goes through the iterator protocol).
  const edgePricing = new Float64Array(4 * raw.edges.length);
  raw.edges.forEach((e, i) => {
    edgePricing[4 * i] = e.fixedCny;
    edgePricing[4 * i + 1] = e.perKgCny;
    edgePricing[4 * i + 2] = e.handlingCnyPerKg;
    edgePricing[4 * i + 3] = edgeMode[i];
  });
  const stops = raw.edges.length;
  const province = provinceZh.get(dest.id) ?? '';
  const remote = tariff.remote.find((r) => r.provinces.some((p) => province.startsWith(p))) ?? null;
  const abroad = dest.country !== 'CN';
  const summary: PathSummaryBase = { hubs: hubIds.map((id) => place(id).name), hubIds, modes, distanceM: Math.round(distanceM), durationS: Math.round(durationS) };
  return {
    raw,
    international: dest.country !== 'CN' || first.country !== 'CN',
    durationS,
    co2KgPerKg,
    modes,
    edgeMode,
    kmByMode,
    edgePricing,
    roundedDurationS: summary.durationS,
    fuelPct: modes.map((mode) => tariff.fuelSurchargePctByMode[mode]),
    abroad,
    firstMileLine: lineTemplate('firstMile', `pickup in ${first.name}`),
    lineHaulLines: modes.map((mode, m) => lineTemplate('lineHaul', `${mode} ${Math.round(kmByMode[m])} km`)),
    sortingLine: lineTemplate('sorting', `handling at ${stops} stop${stops === 1 ? '' : 's'} (${hubIds.length} hub${hubIds.length === 1 ? '' : 's'})`),
    lastMileLine: lineTemplate('lastMile', abroad ? `delivery abroad from ${dest.name}` : `delivery in ${dest.name}`),
    remote,
    remoteLine: remote ? lineTemplate('remote', remote.label) : null,
    congestion: null,
    summary,
    pathJson: null,
    geometry: null,
    pathWithGeometryJson: null,
  };
}

/** The plan's path summary with its legs (a new object each call). */
export function planSummary(plan: RoutePlan): PathSummary {
  const { nodes, edges } = plan.raw;
  return { ...plan.summary, legs: edges.map((e, i) => ({ from: nodes[i], to: nodes[i + 1], mode: e.mode, distanceM: Math.round(e.distanceM), durationS: Math.round(e.durationS) })) };
}

/** The plan's path as a GeoJSON LineString (great-circle arcs, sea lanes along the maritime graph), kept on the plan. */
export function planGeometry(network: Network, plan: RoutePlan): LineString {
  if (!plan.geometry) {
    plan.geometry = pathGeometry(plan.raw.nodes.map((id) => network.place(id)!), plan.raw.edges.map((e) => e.mode), network.data.sea);
    plan.pathWithGeometryJson = asciiBytes(',"path":' + jsonText({ ...planSummary(plan), geometry: plan.geometry }) + ',"tags":[');
  }
  return plan.geometry;
}

/** Bytes of `,"path":` + the JSON of the plan's path summary, without or with its geometry (planGeometry first), + `,"tags":[`. */
export function pathJson(plan: RoutePlan, geometry: boolean): Buffer {
  if (geometry) return plan.pathWithGeometryJson!;
  if (plan.pathJson === null) plan.pathJson = asciiBytes(',"path":' + jsonText(planSummary(plan)) + ',"tags":[');
  return plan.pathJson;
}

/** A key naming a path by its lanes (the same path found by different searches gets the same plan). */
export function pathKey(raw: RawPath): string {
  let k = raw.nodes[0];
  for (let i = 0; i < raw.edges.length; i++) k += '>' + raw.edges[i].mode + '>' + raw.nodes[i + 1];
  return k;
}
