import { laneId, type Network } from '../network/index.js';
import { BoundedCache } from './bounded-cache.js';
import type { RoutePlan } from './route-plan.js';
import type { Schedule } from './schedule.js';
import type { Service, Tariff } from './tariff.js';
import { jsonText } from './json-text.js';

/** One component of a price. */
export interface BreakdownLine {
  component: 'firstMile' | 'lineHaul' | 'sorting' | 'lastMile' | 'customs' | 'fuel' | 'remote' | 'insurance' | 'congestion' | 'margin' | 'minimumCharge';
  amountCny: number;
  detail: string;
}

/**
 * The part of an option that depends only on the path, the service and the
 * chargeable weight: the cost lines before insurance and margin, also as a
 * JSON fragment. Kept by the engine, so a repeated quote is a lookup.
 */
export interface PricedPath {
  plan: RoutePlan;
  lines: BreakdownLine[];
  costCny: number;
  /** The lines as JSON objects separated by commas (no brackets), made when first written as JSON. */
  linesJson: string | null;
  /** The money of a parcel without declared value, made on first use. */
  plain: Money | null;
  /** The last schedule computed for this path (most quotes are handed in on the same day, before the same cut-off). */
  timed: Timed | null;
}

/** A schedule with the two instants it depends on, and the option's JSON up to its schedule when the money is the plain one. */
export interface Timed {
  shipDayMs: number;
  departMs: number;
  when: Schedule;
  json: string | null;
}

/** Price, cost and the lines a parcel adds (insurance, margin, minimum charge), with their JSON. */
export interface Money {
  priceCny: number;
  /** Cost before margin, rounded to cents. */
  costCny: number;
  extra: BreakdownLine[];
  /** `"priceCny":…,"costCny":…,"currency":"CNY","breakdown":[…]`, made when first written as JSON (moneyJson). */
  json: string | null;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Details as JSON text: the same few thousand texts (per path and tariff) come back in every breakdown. */
const detailJson = new BoundedCache<string, string>(20_000);

/** A breakdown line as JSON (ASCII, see jsonText). */
export function lineJson(l: BreakdownLine): string {
  let d = detailJson.get(l.detail);
  if (d === undefined) {
    d = jsonText(l.detail);
    detailJson.set(l.detail, d);
  }
  return '{"component":"' + l.component + '","amountCny":' + l.amountCny + ',"detail":' + d + '}';
}

/**
 * The cost lines of a path for a service and chargeable weight: first mile,
 * line-haul per mode, sorting, last mile, customs, fuel, remote area and
 * congestion (capacity prices in CNY/kg by hub id or lane id). Lines that
 * round to nothing are left out.
 */
export function pricePath(network: Network, t: Tariff, congestion: ReadonlyMap<string, number>, plan: RoutePlan, chargeKg: number): PricedPath {
  const { raw } = plan;
  const lines: BreakdownLine[] = [];
  const add = (component: BreakdownLine['component'], amountCny: number, detail: string) => {
    if (amountCny > 0) lines.push({ component, amountCny: round2(amountCny), detail });
  };
  add('firstMile', t.firstMile.cnyPerParcel + t.firstMile.cnyPerKg * chargeKg, plan.firstMileDetail);
  const cnyByMode = plan.modes.map(() => 0);
  let handlingCny = 0;
  for (let i = 0; i < raw.edges.length; i++) {
    const e = raw.edges[i];
    const handling = e.handlingCnyPerKg * chargeKg;
    cnyByMode[plan.edgeMode[i]] += e.fixedCny + e.perKgCny * chargeKg - handling;
    handlingCny += handling;
  }
  plan.modes.forEach((_m, k) => add('lineHaul', cnyByMode[k], plan.lineHaulDetail[k]));
  add('sorting', handlingCny, plan.sortingDetail);
  const abroad = network.place(raw.nodes[raw.nodes.length - 1])!.country !== 'CN';
  if (!abroad) add('lastMile', t.lastMile.cnyPerParcel + t.lastMile.cnyPerKg * chargeKg, plan.lastMileDetail);
  else add('lastMile', t.international.lastMileCnyPerParcel + t.international.lastMileCnyPerKg * chargeKg, plan.lastMileDetail);
  if (plan.international) add('customs', t.international.clearanceCnyPerParcel, 'customs clearance');
  let fuel = 0;
  plan.modes.forEach((mode, k) => (fuel += (cnyByMode[k] * t.fuelSurchargePctByMode[mode]) / 100));
  add('fuel', fuel, 'fuel surcharge on line-haul, by mode');
  if (plan.remote) add('remote', plan.remote.cnyPerParcel + plan.remote.cnyPerKg * chargeKg, plan.remote.label);
  if (congestion.size > 0) {
    const name = (i: number) => network.place(raw.nodes[i])!.name;
    for (let i = 0; i < raw.nodes.length; i++) {
      const hubPrice = congestion.get(raw.nodes[i]);
      if (hubPrice) add('congestion', hubPrice * chargeKg, `${name(i)} hub at capacity (capacity price ¥${hubPrice}/kg)`);
      if (i + 1 < raw.nodes.length) {
        const e = raw.edges[i];
        const lanePrice = congestion.get(e.laneId) ?? congestion.get(laneId({ from: raw.nodes[i + 1], to: raw.nodes[i], mode: e.mode }));
        if (lanePrice) add('congestion', lanePrice * chargeKg, `${name(i)}–${name(i + 1)} ${e.mode} lane at capacity (¥${lanePrice}/kg)`);
      }
    }
  }
  return { plan, lines, costCny: lines.reduce((s, l) => s + l.amountCny, 0), linesJson: null, plain: null, timed: null };
}

/** Insurance on the declared value, the service's margin and its minimum charge on top of a priced path. */
export function money(t: Tariff, svc: Service, pp: PricedPath, declaredValueCny: number | undefined): Money {
  if (!declaredValueCny && pp.plain) return pp.plain;
  const extra: BreakdownLine[] = [];
  let costCny = pp.costCny;
  if (declaredValueCny) {
    const ins = round2(Math.max(t.insurance.minCny, (declaredValueCny * t.insurance.ratePct) / 100));
    extra.push({ component: 'insurance', amountCny: ins, detail: `${t.insurance.ratePct}% of declared ¥${declaredValueCny}` });
    costCny += ins;
  }
  const margin = round2((costCny * svc.marginPct) / 100);
  if (margin > 0) extra.push({ component: 'margin', amountCny: margin, detail: `${svc.marginPct}% margin` });
  let priceCny = round2(costCny + margin);
  if (priceCny < svc.minChargeCny) {
    extra.push({ component: 'minimumCharge', amountCny: round2(svc.minChargeCny - priceCny), detail: `minimum charge ¥${svc.minChargeCny}` });
    priceCny = svc.minChargeCny;
  }
  const m: Money = { priceCny, costCny: round2(costCny), extra, json: null };
  if (!declaredValueCny) pp.plain = m;
  return m;
}

/** The JSON of a priced path's money (kept on the Money, which for plain parcels is kept on the path). */
export function moneyJson(pp: PricedPath, m: Money): string {
  if (m.json !== null) return m.json;
  if (pp.linesJson === null) pp.linesJson = pp.lines.map(lineJson).join(',');
  let lines = pp.linesJson;
  for (const l of m.extra) lines += (lines === '' ? '' : ',') + lineJson(l);
  const json = '"priceCny":' + m.priceCny + ',"costCny":' + m.costCny + ',"currency":"CNY","breakdown":[' + lines + ']';
  json.charCodeAt(0); // flattened once (kept, written many times)
  m.json = json;
  return json;
}
