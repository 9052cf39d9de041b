import type { LineString } from 'geojson';
import { pathGeometry, type Mode, type Network, type RawPath } from '../network/index.js';
import type { Tariff } from './tariff.js';
import { jsonText } from './json-text.js';

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

/**
 * Everything about a path that does not depend on the parcel: legs, hubs,
 * modes and km per mode, the texts of the breakdown lines, the remote-area
 * rule of the destination, and the path summary already serialised as JSON.
 * Priced paths of every weight that take this path share one plan, so pricing
 * a new weight is a few multiplications.
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
  lineHaulDetail: string[];
  firstMileDetail: string;
  sortingDetail: string;
  lastMileDetail: string;
  remote: Tariff['remote'][number] | null;
  summary: PathSummary;
  /** JSON of `summary` (no geometry), made when first written as JSON (summaryJson()). */
  summaryJson: string | null;
  /** The path as a GeoJSON LineString and the summary JSON with it, made on first request. */
  geometry: LineString | null;
  summaryWithGeometryJson: string | null;
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
  const stops = raw.edges.length;
  const province = provinceZh.get(dest.id) ?? '';
  const summary: PathSummary = {
    hubs: hubIds.map((id) => place(id).name),
    hubIds,
    modes,
    distanceM: Math.round(distanceM),
    durationS: Math.round(durationS),
    legs: raw.edges.map((e, i) => ({ from: raw.nodes[i], to: raw.nodes[i + 1], mode: e.mode, distanceM: Math.round(e.distanceM), durationS: Math.round(e.durationS) })),
  };
  return {
    raw,
    international: dest.country !== 'CN' || first.country !== 'CN',
    durationS,
    co2KgPerKg,
    modes,
    edgeMode,
    kmByMode,
    lineHaulDetail: modes.map((mode, m) => `${mode} ${Math.round(kmByMode[m])} km`),
    firstMileDetail: `pickup in ${first.name}`,
    sortingDetail: `handling at ${stops} stop${stops === 1 ? '' : 's'} (${hubIds.length} hub${hubIds.length === 1 ? '' : 's'})`,
    lastMileDetail: dest.country === 'CN' ? `delivery in ${dest.name}` : `delivery abroad from ${dest.name}`,
    remote: tariff.remote.find((r) => r.provinces.some((p) => province.startsWith(p))) ?? null,
    summary,
    summaryJson: null,
    geometry: null,
    summaryWithGeometryJson: null,
  };
}

/** The plan's path as a GeoJSON LineString (great-circle arcs, sea lanes along the maritime graph), kept on the plan. */
export function planGeometry(network: Network, plan: RoutePlan): LineString {
  if (!plan.geometry) {
    plan.geometry = pathGeometry(plan.raw.nodes.map((id) => network.place(id)!), plan.raw.edges.map((e) => e.mode), network.data.sea);
    plan.summaryWithGeometryJson = jsonText({ ...plan.summary, geometry: plan.geometry });
  }
  return plan.geometry;
}

/** The JSON of the plan's path summary, without or with its geometry (planGeometry first). */
export function summaryJson(plan: RoutePlan, geometry: boolean): string {
  if (geometry) return plan.summaryWithGeometryJson!;
  if (plan.summaryJson === null) plan.summaryJson = jsonText(plan.summary);
  return plan.summaryJson;
}

/** A key naming a path by its lanes (the same path found by different searches gets the same plan). */
export function pathKey(raw: RawPath): string {
  let k = raw.nodes[0];
  for (let i = 0; i < raw.edges.length; i++) k += '>' + raw.edges[i].mode + '>' + raw.nodes[i + 1];
  return k;
}
