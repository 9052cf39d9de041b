import type { Place } from '../network/index.js';
import type { Located, PlaceSummary, QuoteOption, QuoteResult, QuoteTag, Rating, RatedOption } from './quote-types.js';
import type { Service, Tariff } from './tariff.js';
import { jsonText } from './json-text.js';
import { breakdown, extraDetail, flat, lineTemplate } from './pricing.js';
import { pathJson } from './route-plan.js';
import { centsText, decimalText } from './decimal-text.js';

/** Tags the cheapest, fastest (earliest delivery, then shortest path time) and lowest-CO₂ options; ties share a tag. */
export function tag(options: RatedOption[]): void {
  if (options.length === 0) return;
  let fastest = options[0];
  let cheapest = Infinity;
  let greenest = Infinity;
  for (const o of options) {
    const d = o.timed.when.deliveryDate;
    const f = fastest.timed.when.deliveryDate;
    if (d !== f ? d < f : o.plan.roundedDurationS < fastest.plan.roundedDurationS) fastest = o;
    if (o.money.priceCny < cheapest) cheapest = o.money.priceCny;
    if (o.co2Kg < greenest) greenest = o.co2Kg;
  }
  for (const o of options) {
    if (o.money.priceCny === cheapest) o.tags.push('cheapest');
    if (o.timed.when.deliveryDate === fastest.timed.when.deliveryDate && o.plan.roundedDurationS === fastest.plan.roundedDurationS) o.tags.push('fastest');
    if (o.co2Kg === greenest) o.tags.push('lowestCo2');
  }
}

function placeSummary(x: Located): PlaceSummary {
  const p = x.place;
  return { id: p.id, name: p.name, nameZh: p.nameZh, ...(x.snappedFromM !== undefined ? { snappedFromM: x.snappedFromM } : {}) };
}

/** A rating as the QuoteResult object. */
export function toResult(r: Rating, t: Tariff): QuoteResult {
  const options = r.options.map(
    (o): QuoteOption => ({
      service: o.svc.id,
      label: o.svc.label,
      description: o.svc.description,
      priceCny: o.money.priceCny,
      costCny: o.money.costCny,
      currency: 'CNY',
      breakdown: breakdown(t, o.svc, o.priced, o.money, r.declaredValueCny),
      chargeableWeightKg: o.chargeKg,
      weightBasis: o.basis,
      ...o.timed.when,
      co2Kg: o.co2Kg,
      path: r.geometry ? { ...o.plan.summary, geometry: o.plan.geometry! } : o.plan.summary,
      tags: o.tags,
    }),
  );
  return { origin: placeSummary(r.origin), destination: placeSummary(r.destination), actualWeightKg: r.actualWeightKg, volumetricWeightKg: r.volumetricWeightKg, options, unavailable: r.unavailable };
}

/** JSON pieces of a service: its head up to the price, and the tails of the margin and minimum-charge lines. */
interface ServicePieces {
  /** `{"service":…,"label":…,"description":…,"priceCny":` */
  head: string;
  marginTail: string;
  minimumTail: string;
}

const INSURANCE = lineTemplate('insurance', '');
const MARGIN = lineTemplate('margin', '');
const MINIMUM = lineTemplate('minimumCharge', '');
const TAG_BITS: Record<QuoteTag, number> = { cheapest: 1, fastest: 2, lowestCo2: 4 };
/** `"cheapest","fastest"]}` and the like, by the bits of the tags present (tag() adds them in this order). */
const TAGS_JSON = Array.from({ length: 8 }, (_, mask) =>
  flat(
    (['cheapest', 'fastest', 'lowestCo2'] as const)
      .filter((t) => mask & TAG_BITS[t])
      .map((t) => `"${t}"`)
      .join(',') + ']}',
  ),
);
const BASIS_JSON = { actual: ',"weightBasis":"actual","co2Kg":', volumetric: ',"weightBasis":"volumetric","co2Kg":' };

/**
 * Writes ratings as JSON text from pieces made once per path and service (the
 * plan's line templates, path summary and schedule, flattened), with the
 * parcel's own numbers in between: a few dozen string concatenations instead
 * of a serialiser walking ~3 KB of objects, and numbers written from integers
 * (decimalText). JSON.parse of the text equals toResult() of the same rating,
 * and the text is pure ASCII (non-ASCII characters are \u escapes, see
 * jsonText), so it can be sent as Latin-1 bytes without UTF-8 encoding (both
 * tested).
 */
export class QuoteJsonWriter {
  private readonly services = new Map<Service, ServicePieces>();
  private readonly places = new Map<Place, string>();
  /** `,"detail":"…% of declared \u00a5` (the declared value and `"}` follow). */
  private readonly insuranceTailHead: string;

  constructor(private readonly tariff: Tariff) {
    const probe = lineTemplate('insurance', extraDetail.insurance(tariff, 0)).tail;
    this.insuranceTailHead = probe.slice(0, probe.length - '0"}'.length);
  }

  private pieces(svc: Service): ServicePieces {
    let p = this.services.get(svc);
    if (p === undefined) {
      p = {
        head: flat('{"service":' + jsonText(svc.id) + ',"label":' + jsonText(svc.label) + ',"description":' + jsonText(svc.description) + ',"priceCny":'),
        marginTail: lineTemplate('margin', extraDetail.margin(svc)).tail,
        minimumTail: lineTemplate('minimumCharge', extraDetail.minimumCharge(svc)).tail,
      };
      this.services.set(svc, p);
    }
    return p;
  }

  private place(x: Located): string {
    if (x.snappedFromM !== undefined) return jsonText(placeSummary(x));
    let s = this.places.get(x.place);
    if (s === undefined) {
      s = jsonText(placeSummary(x));
      this.places.set(x.place, s);
    }
    return s;
  }

  /** One option as JSON: service head, money, the breakdown from the plan's line templates, the plan's schedule and path. */
  private option(o: RatedOption, r: Rating): string {
    const p = this.pieces(o.svc);
    const m = o.money;
    let s = p.head + centsText(m.priceCny) + ',"costCny":' + centsText(m.costCny) + ',"currency":"CNY","breakdown":[';
    const { lines, amounts } = o.priced;
    const n = lines.length;
    for (let i = 0; i < n; i++) s += (i === 0 ? lines[i].head : lines[i].sepHead) + centsText(amounts[i]) + lines[i].tail;
    let more = n > 0;
    if (m.insuranceCny !== null) {
      const v = r.declaredValueCny!;
      // a number's text needs no JSON escape; anything else goes through jsonText
      const tail = typeof v === 'number' ? this.insuranceTailHead + centsText(v) + '"}' : lineTemplate('insurance', extraDetail.insurance(this.tariff, v)).tail;
      s += (more ? INSURANCE.sepHead : INSURANCE.head) + centsText(m.insuranceCny) + tail;
      more = true;
    }
    if (m.marginCny > 0) {
      s += (more ? MARGIN.sepHead : MARGIN.head) + centsText(m.marginCny) + p.marginTail;
      more = true;
    }
    if (m.minimumCny !== null) s += (more ? MINIMUM.sepHead : MINIMUM.head) + centsText(m.minimumCny) + p.minimumTail;
    let tags = 0;
    for (const t of o.tags) tags |= TAG_BITS[t];
    return s + '],"chargeableWeightKg":' + centsText(o.chargeKg) + o.timed.json + BASIS_JSON[o.basis] + decimalText(o.co2Kg, 4) + pathJson(o.plan, r.geometry) + TAGS_JSON[tags];
  }

  private head(r: Rating): string {
    const v = r.volumetricWeightKg;
    return '{"origin":' + this.place(r.origin) + ',"destination":' + this.place(r.destination) + ',"actualWeightKg":' + centsText(r.actualWeightKg) + ',"volumetricWeightKg":' + (v === null ? 'null' : decimalText(v, 6)) + ',"options":[';
  }

  private tail(r: Rating): string {
    return '],"unavailable":' + (r.unavailable.length === 0 ? '[]' : jsonText(r.unavailable)) + '}';
  }

  /**
   * A rating as JSON text, handed out in pieces (one per option and a few
   * more): a batch writes them straight into its bytes.
   */
  writeTo(r: Rating, out: (piece: string) => void): void {
    out(this.head(r));
    for (let i = 0; i < r.options.length; i++) out((i === 0 ? '' : ',') + this.option(r.options[i], r));
    out(this.tail(r));
  }

  /** A rating as JSON text. */
  write(r: Rating): string {
    let s = this.head(r);
    for (let i = 0; i < r.options.length; i++) s += (i === 0 ? '' : ',') + this.option(r.options[i], r);
    return s + this.tail(r);
  }
}
