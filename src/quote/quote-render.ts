import type { Place } from '../network/index.js';
import type { Located, PlaceSummary, QuoteOption, QuoteResult, QuoteTag, Rating, RatedOption } from './quote-types.js';
import type { Service, Tariff } from './tariff.js';
import { jsonText } from './json-text.js';
import { breakdown, extraDetail, lineTemplate } from './pricing.js';
import { pathJson, planSummary } from './route-plan.js';
import { asciiBytes, type ByteOut } from './byte-out.js';
import { isoUtc } from './iso-time.js';

/** Tags the cheapest, fastest (earliest delivery, then shortest path time) and lowest-CO₂ options; ties share a tag. */
export function tag(options: RatedOption[]): void {
  if (options.length === 0) return;
  let fastest = options[0];
  let cheapest = Infinity;
  let greenest = Infinity;
  for (const o of options) {
    const d = o.arrival.deliveryDate;
    const f = fastest.arrival.deliveryDate;
    if (d !== f ? d < f : o.plan.roundedDurationS < fastest.plan.roundedDurationS) fastest = o;
    if (o.money.priceCny < cheapest) cheapest = o.money.priceCny;
    if (o.co2Kg < greenest) greenest = o.co2Kg;
  }
  for (const o of options) {
    if (o.money.priceCny === cheapest) o.tags.push('cheapest');
    if (o.arrival.deliveryDate === fastest.arrival.deliveryDate && o.plan.roundedDurationS === fastest.plan.roundedDurationS) o.tags.push('fastest');
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
      departAt: o.departure.departAt,
      arriveAt: isoUtc(o.arrival.arriveAtMs),
      deliveryDate: o.arrival.deliveryDate,
      transitDays: o.arrival.transitDays,
      co2Kg: o.co2Kg,
      path: r.geometry ? { ...planSummary(o.plan), geometry: o.plan.geometry! } : planSummary(o.plan),
      tags: o.tags,
    }),
  );
  return { origin: placeSummary(r.origin), destination: placeSummary(r.destination), actualWeightKg: r.actualWeightKg, volumetricWeightKg: r.volumetricWeightKg, options, unavailable: r.unavailable };
}

/** JSON bytes of a service: its head up to the price, and the tails of the margin and minimum-charge lines. */
interface ServicePieces {
  /** `{"service":…,"label":…,"description":…,"priceCny":` */
  head: Buffer;
  marginTail: Buffer;
  minimumTail: Buffer;
}

const INSURANCE = lineTemplate('insurance', '');
const MARGIN = lineTemplate('margin', '');
const MINIMUM = lineTemplate('minimumCharge', '');
const TAG_BITS: Record<QuoteTag, number> = { cheapest: 1, fastest: 2, lowestCo2: 4 };
/** `"cheapest","fastest"]}` and the like, by the bits of the tags present (tag() adds them in this order). */
const TAGS_JSON = Array.from({ length: 8 }, (_, mask) =>
  asciiBytes(
    (['cheapest', 'fastest', 'lowestCo2'] as const)
      .filter((t) => mask & TAG_BITS[t])
      .map((t) => `"${t}"`)
      .join(',') + ']}',
  ),
);
const BASIS_JSON = { actual: asciiBytes(',"weightBasis":"actual","co2Kg":'), volumetric: asciiBytes(',"weightBasis":"volumetric","co2Kg":') };
const COST = asciiBytes(',"costCny":');
const CURRENCY_BREAKDOWN = asciiBytes(',"currency":"CNY","breakdown":[');
const CHARGEABLE = asciiBytes('],"chargeableWeightKg":');
const ORIGIN = asciiBytes('{"origin":');
const DESTINATION = asciiBytes(',"destination":');
const ACTUAL = asciiBytes(',"actualWeightKg":');
const VOLUMETRIC = asciiBytes(',"volumetricWeightKg":');
const NULL = asciiBytes('null');
const OPTIONS = asciiBytes(',"options":[');
const COMMA = asciiBytes(',');
const QUOTE_BRACE = asciiBytes('"}');
const QUOTE = asciiBytes('"');
const TRANSIT_DAYS = asciiBytes(',"transitDays":');
const DELIVERY_DATE = asciiBytes(',"deliveryDate":"');
const UNAVAILABLE_NONE = asciiBytes('],"unavailable":[]}');
const UNAVAILABLE = asciiBytes('],"unavailable":');
const BRACE = asciiBytes('}');

/**
 * Writes ratings as JSON bytes (ByteOut) from pieces made once per path and
 * service (the plan's line templates and path summary, the service's
 * departure) with the parcel's own numbers, and the path's arrival instant,
 * written digit by digit in between: no serialiser
 * walking ~3 KB of objects and no string to encode. JSON.parse of the bytes
 * equals toResult() of the same rating, and the bytes are ASCII (non-ASCII
 * characters are \u escapes, see jsonText), so they are also the UTF-8
 * text (both tested).
 */
export class QuoteJsonWriter {
  private readonly services = new Map<Service, ServicePieces>();
  private readonly places = new Map<Place, Buffer>();
  /** `,"detail":"…% of declared \u00a5` (the declared value and `"}` follow). */
  private readonly insuranceTailHead: Buffer;

  constructor(private readonly tariff: Tariff) {
    const probe = lineTemplate('insurance', extraDetail.insurance(tariff, 0)).tail;
    this.insuranceTailHead = probe.subarray(0, probe.length - '0"}'.length);
  }

  private pieces(svc: Service): ServicePieces {
    let p = this.services.get(svc);
    if (p === undefined) {
      p = {
        head: asciiBytes('{"service":' + jsonText(svc.id) + ',"label":' + jsonText(svc.label) + ',"description":' + jsonText(svc.description) + ',"priceCny":'),
        marginTail: lineTemplate('margin', extraDetail.margin(svc)).tail,
        minimumTail: lineTemplate('minimumCharge', extraDetail.minimumCharge(svc)).tail,
      };
      this.services.set(svc, p);
    }
    return p;
  }

  private place(x: Located, out: ByteOut): void {
    if (x.snappedFromM !== undefined) return out.ascii(jsonText(placeSummary(x)));
    let b = this.places.get(x.place);
    if (b === undefined) {
      b = asciiBytes(jsonText(placeSummary(x)));
      this.places.set(x.place, b);
    }
    out.bytes(b);
  }

  /** One option as JSON: service head, money, the breakdown from the plan's line templates, the plan's schedule and path. */
  private option(o: RatedOption, r: Rating, out: ByteOut): void {
    const p = this.pieces(o.svc);
    const m = o.money;
    out.bytes(p.head);
    out.cents(m.priceCny);
    out.bytes(COST);
    out.cents(m.costCny);
    out.bytes(CURRENCY_BREAKDOWN);
    const { lines, amounts } = o.priced;
    const n = lines.length;
    for (let i = 0; i < n; i++) {
      out.bytes(i === 0 ? lines[i].head : lines[i].sepHead);
      out.cents(amounts[i]);
      out.bytes(lines[i].tail);
    }
    let more = n > 0;
    if (m.insuranceCny !== null) {
      out.bytes(more ? INSURANCE.sepHead : INSURANCE.head);
      out.cents(m.insuranceCny);
      const v = r.declaredValueCny!;
      // a number's text needs no JSON escape; anything else goes through jsonText
      if (typeof v === 'number') {
        out.bytes(this.insuranceTailHead);
        out.cents(v);
        out.bytes(QUOTE_BRACE);
      } else out.bytes(lineTemplate('insurance', extraDetail.insurance(this.tariff, v)).tail);
      more = true;
    }
    if (m.marginCny > 0) {
      out.bytes(more ? MARGIN.sepHead : MARGIN.head);
      out.cents(m.marginCny);
      out.bytes(p.marginTail);
      more = true;
    }
    if (m.minimumCny !== null) {
      out.bytes(more ? MINIMUM.sepHead : MINIMUM.head);
      out.cents(m.minimumCny);
      out.bytes(p.minimumTail);
    }
    let tags = 0;
    for (const t of o.tags) tags |= TAG_BITS[t];
    out.bytes(CHARGEABLE);
    out.cents(o.chargeKg);
    const a = o.arrival;
    out.bytes(TRANSIT_DAYS);
    out.decimal(a.transitDays, 0);
    out.bytes(DELIVERY_DATE);
    out.ascii(a.deliveryDate);
    out.bytes(o.departure.json);
    out.isoUtc(a.arriveAtMs);
    out.bytes(QUOTE);
    out.bytes(BASIS_JSON[o.basis]);
    out.decimal(o.co2Kg, 4);
    out.bytes(pathJson(o.plan, r.geometry));
    out.bytes(TAGS_JSON[tags]);
  }

  /**
   * A rating as JSON, appended to `out` (without begin/end: the caller frames
   * the answer, a batch writes rows one after another).
   */
  writeTo(r: Rating, out: ByteOut): void {
    out.bytes(ORIGIN);
    this.place(r.origin, out);
    out.bytes(DESTINATION);
    this.place(r.destination, out);
    out.bytes(ACTUAL);
    out.cents(r.actualWeightKg);
    out.bytes(VOLUMETRIC);
    const v = r.volumetricWeightKg;
    if (v === null) out.bytes(NULL);
    else out.decimal(v, 6);
    out.bytes(OPTIONS);
    for (let i = 0; i < r.options.length; i++) {
      if (i > 0) out.bytes(COMMA);
      this.option(r.options[i], r, out);
    }
    if (r.unavailable.length === 0) out.bytes(UNAVAILABLE_NONE);
    else {
      out.bytes(UNAVAILABLE);
      out.ascii(jsonText(r.unavailable));
      out.bytes(BRACE);
    }
  }

  /** A rating as one answer of `out`: a view of its bytes. */
  write(r: Rating, out: ByteOut): Buffer {
    out.begin();
    this.writeTo(r, out);
    return out.end();
  }
}
