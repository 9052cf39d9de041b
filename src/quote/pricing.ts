import { laneId, type Network } from '../network/index.js';
import type { RoutePlan } from './route-plan.js';
import type { Service, Tariff } from './tariff.js';
import { asciiBytes } from './byte-out.js';
import { jsonText } from './json-text.js';

/** One component of a price. */
export interface BreakdownLine {
  component: 'firstMile' | 'lineHaul' | 'sorting' | 'lastMile' | 'customs' | 'fuel' | 'remote' | 'insurance' | 'congestion' | 'margin' | 'minimumCharge';
  amountCny: number;
  detail: string;
}

/**
 * The fixed parts of a breakdown line: component, detail, and the bytes of
 * its JSON around the amount (ASCII, see jsonText): head + amount + tail,
 * where tail is `,"detail":"…"}`.
 */
export interface LineTemplate {
  component: BreakdownLine['component'];
  detail: string;
  head: Buffer;
  /** ',' + head (a line after another). */
  sepHead: Buffer;
  tail: Buffer;
}

/** Templates by component, then detail: most details recur on many paths ("pickup in Hangzhou", "road 1169 km"). */
const templates = new Map<string, Map<string, LineTemplate>>();
let templateCount = 0;
const MAX_TEMPLATES = 50_000;

/** A line template (its JSON pieces made once; the same component and detail give the same, shared template). */
export function lineTemplate(component: BreakdownLine['component'], detail: string): LineTemplate {
  let byDetail = templates.get(component);
  if (byDetail === undefined) {
    byDetail = new Map();
    templates.set(component, byDetail);
  }
  let t = byDetail.get(detail);
  if (t === undefined) {
    const any = byDetail.values().next().value as LineTemplate | undefined;
    const head = '{"component":"' + component + '","amountCny":';
    t = { component, detail, head: any?.head ?? asciiBytes(head), sepHead: any?.sepHead ?? asciiBytes(',' + head), tail: asciiBytes(',"detail":' + jsonText(detail) + '}') };
    if (++templateCount > MAX_TEMPLATES) {
      for (const m of templates.values()) m.clear();
      templateCount = 1;
    }
    byDetail.set(detail, t);
  }
  return t;
}

/**
 * The cost lines of one parcel on a plan: the templates of the lines that
 * are not zero, their amounts rounded to cents, and their sum (the cost
 * before insurance and margin). Made at every quote: a few multiplications.
 */
export interface PricedLines {
  lines: LineTemplate[];
  amounts: number[];
  costCny: number;
}

/** Price, cost and the lines a parcel adds on top of its path's cost (insurance, margin, minimum charge). */
export interface Money {
  priceCny: number;
  /** Cost before margin, rounded to cents. */
  costCny: number;
  /** Insurance on the declared value (null without one). */
  insuranceCny: number | null;
  /** The margin (a line only when > 0). */
  marginCny: number;
  /** What the minimum charge adds (null when the price is above it). */
  minimumCny: number | null;
}

/** Congestion lines of a plan for one set of capacity prices (`version` names the set). */
export interface CongestionLines {
  version: number;
  prices: number[];
  lines: LineTemplate[];
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The congestion lines a plan's path meets: each hub on it at capacity, then
 * each lane (either direction) at capacity, in path order, with the capacity
 * price in CNY per kg.
 */
export function congestionLines(network: Network, congestion: ReadonlyMap<string, number>, plan: RoutePlan, version: number): CongestionLines {
  const { raw } = plan;
  const prices: number[] = [];
  const lines: LineTemplate[] = [];
  if (congestion.size > 0) {
    const name = (i: number) => network.place(raw.nodes[i])!.name;
    for (let i = 0; i < raw.nodes.length; i++) {
      const hubPrice = congestion.get(raw.nodes[i]);
      if (hubPrice) {
        prices.push(hubPrice);
        lines.push(lineTemplate('congestion', `${name(i)} hub at capacity (capacity price ¥${hubPrice}/kg)`));
      }
      if (i + 1 < raw.nodes.length) {
        const e = raw.edges[i];
        const lanePrice = congestion.get(e.laneId) ?? congestion.get(laneId({ from: raw.nodes[i + 1], to: raw.nodes[i], mode: e.mode }));
        if (lanePrice) {
          prices.push(lanePrice);
          lines.push(lineTemplate('congestion', `${name(i)}–${name(i + 1)} ${e.mode} lane at capacity (¥${lanePrice}/kg)`));
        }
      }
    }
  }
  return { version, prices, lines };
}

/**
 * The cost lines of a path for a chargeable weight: first mile, line-haul per
 * mode, sorting, last mile, customs, fuel, remote area and congestion. Lines
 * that come to nothing once rounded to cents are left out. The arithmetic is done edge by edge in
 * path order, as the breakdown has always been computed, so amounts are the
 * same to the last bit.
 */
export function priceLines(t: Tariff, plan: RoutePlan, congestion: CongestionLines, chargeKg: number): PricedLines {
  const lines: LineTemplate[] = [];
  const amounts: number[] = [];
  let costCny = 0;
  const add = (line: LineTemplate, amountCny: number) => {
    const a = round2(amountCny);
    if (a > 0) {
      lines.push(line);
      amounts.push(a);
      costCny += a;
    }
  };
  add(plan.firstMileLine, t.firstMile.cnyPerParcel + t.firstMile.cnyPerKg * chargeKg);
  const nModes = plan.modes.length;
  const cnyByMode = nModes === 1 ? [0] : plan.modes.map(() => 0);
  let handlingCny = 0;
  const e = plan.edgePricing;
  for (let i = 0; i < e.length; i += 4) {
    const handling = e[i + 2] * chargeKg;
    cnyByMode[e[i + 3] | 0] += e[i] + e[i + 1] * chargeKg - handling;
    handlingCny += handling;
  }
  for (let k = 0; k < nModes; k++) add(plan.lineHaulLines[k], cnyByMode[k]);
  add(plan.sortingLine, handlingCny);
  if (!plan.abroad) add(plan.lastMileLine, t.lastMile.cnyPerParcel + t.lastMile.cnyPerKg * chargeKg);
  else add(plan.lastMileLine, t.international.lastMileCnyPerParcel + t.international.lastMileCnyPerKg * chargeKg);
  if (plan.international) add(CUSTOMS_LINE, t.international.clearanceCnyPerParcel);
  let fuel = 0;
  for (let k = 0; k < nModes; k++) fuel += (cnyByMode[k] * plan.fuelPct[k]) / 100;
  add(FUEL_LINE, fuel);
  if (plan.remote) add(plan.remoteLine!, plan.remote.cnyPerParcel + plan.remote.cnyPerKg * chargeKg);
  for (let i = 0; i < congestion.prices.length; i++) add(congestion.lines[i], congestion.prices[i] * chargeKg);
  return { lines, amounts, costCny };
}

const CUSTOMS_LINE = lineTemplate('customs', 'customs clearance');
const FUEL_LINE = lineTemplate('fuel', 'fuel surcharge on line-haul, by mode');

/** Insurance on the declared value, the service's margin and its minimum charge on top of the cost of the lines. */
export function money(t: Tariff, svc: Service, linesCostCny: number, declaredValueCny: number | undefined): Money {
  let costCny = linesCostCny;
  let insuranceCny: number | null = null;
  if (declaredValueCny) {
    insuranceCny = round2(Math.max(t.insurance.minCny, (declaredValueCny * t.insurance.ratePct) / 100));
    costCny += insuranceCny;
  }
  const marginCny = round2((costCny * svc.marginPct) / 100);
  let priceCny = round2(costCny + marginCny);
  let minimumCny: number | null = null;
  if (priceCny < svc.minChargeCny) {
    minimumCny = round2(svc.minChargeCny - priceCny);
    priceCny = svc.minChargeCny;
  }
  return { priceCny, costCny: round2(costCny), insuranceCny, marginCny, minimumCny };
}

/** The texts of the lines a parcel adds (insurance, margin, minimum charge). */
export const extraDetail = {
  insurance: (t: Tariff, declaredValueCny: number) => `${t.insurance.ratePct}% of declared ¥${declaredValueCny}`,
  margin: (svc: Service) => `${svc.marginPct}% margin`,
  minimumCharge: (svc: Service) => `minimum charge ¥${svc.minChargeCny}`,
};

/** The breakdown of an option as objects: the path's lines, then insurance, margin and minimum charge. */
export function breakdown(t: Tariff, svc: Service, priced: PricedLines, m: Money, declaredValueCny: number | undefined): BreakdownLine[] {
  const out: BreakdownLine[] = priced.lines.map((l, i) => ({ component: l.component, amountCny: priced.amounts[i], detail: l.detail }));
  if (m.insuranceCny !== null) out.push({ component: 'insurance', amountCny: m.insuranceCny, detail: extraDetail.insurance(t, declaredValueCny!) });
  if (m.marginCny > 0) out.push({ component: 'margin', amountCny: m.marginCny, detail: extraDetail.margin(svc) });
  if (m.minimumCny !== null) out.push({ component: 'minimumCharge', amountCny: m.minimumCny, detail: extraDetail.minimumCharge(svc) });
  return out;
}
