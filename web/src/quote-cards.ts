// Renders a quote answer: one card per service (price, delivery, tags, weight, CO₂, path) with an
// expandable breakdown, and the services with no route.
import { esc, fixed, km, sig3 } from './format.js';
import { MODE_STYLE } from './modes.js';
import { breakdownRows, deliveryDay, TAG_LABEL, transitLabel } from './quote-logic.js';
import type { QuoteOption, QuoteResult } from './quote-types.js';
import type { Mode } from './types.js';

/** Yuan with two decimals and a thousands separator: "¥1,207.50". */
export function cny(x: number): string {
  return `¥${fixed(x, 2)}`;
}

/** A kg figure without trailing zeros: "2.5", "3", "0.128". */
function kg(x: number): string {
  return x >= 10 ? fixed(x, 1).replace(/\.0$/, '') : String(Number(x.toPrecision(3)));
}

function modePills(modes: readonly Mode[]): string {
  return modes
    .map((m) => {
      const s = MODE_STYLE[m];
      return `<span class="mode-pill" style="--c:${s?.color ?? '#666'}">${s?.label ?? esc(m)}</span>`;
    })
    .join('');
}

/** Colour of a breakdown component in the cost bar: moving the parcel, handling it, extras, margin. */
export function componentColor(component: string): string {
  switch (component) {
    case 'lineHaul':
      return '#1f3a5f';
    case 'firstMile':
    case 'lastMile':
      return '#56B4E9';
    case 'sorting':
      return '#8a9bb3';
    case 'margin':
    case 'minimumCharge':
    case 'rounding':
      return '#d5dae1';
    default:
      return '#D55E00'; // surcharges: fuel, remote, insurance, customs, congestion
  }
}

/** A thin bar of the price split by component (widths ∝ amounts), so the big costs show at a glance. */
function costBar(o: QuoteOption): string {
  const { rows } = breakdownRows(o);
  const total = rows.reduce((s, r) => s + Math.max(0, r.amountCny), 0);
  if (!(total > 0)) return '';
  const segs = rows
    .filter((r) => r.amountCny > 0)
    .map((r) => `<span style="flex:${r.amountCny / total};background:${componentColor(r.component)}" title="${esc(r.label)} ${fixed(r.amountCny, 2)}"></span>`)
    .join('');
  return `<span class="q-bar" aria-hidden="true">${segs}</span>`;
}

function breakdownTable(o: QuoteOption): string {
  const { rows, totalCny } = breakdownRows(o);
  const body = rows
    .map(
      (r) =>
        `<tr data-testid="breakdown-row"><td><span class="sw" style="background:${componentColor(r.component)}"></span>${esc(r.label)}</td><td class="detail">${esc(r.detail)}</td><td class="num">${fixed(r.amountCny, 2)}</td></tr>`,
    )
    .join('');
  return (
    `<table class="breakdown" data-testid="breakdown-table"><thead><tr><th>Component</th><th>Detail</th><th class="num">¥</th></tr></thead>` +
    `<tbody>${body}</tbody><tfoot><tr><td colspan="2">Price</td><td class="num" data-testid="breakdown-total">${fixed(totalCny, 2)}</td></tr></tfoot></table>`
  );
}

/** One option as a card; `selected` marks the one drawn on the map. */
export function renderOptionCard(o: QuoteOption, r: QuoteResult, selected: boolean): string {
  const tags = o.tags.map((t) => `<span class="badge badge-${esc(t)}" data-testid="quote-tag">${esc(TAG_LABEL[t] ?? t)}</span>`).join('');
  const volumetric = o.weightBasis === 'volumetric';
  const weightNote = volumetric
    ? `<span class="vol" title="Volumetric weight: length × width × height / divisor, larger than the actual ${kg(r.actualWeightKg)} kg">volumetric</span>`
    : '';
  const via = o.path.hubs.length ? `via ${o.path.hubs.map(esc).join(' → ')}` : 'direct';
  return (
    `<article class="q-card${selected ? ' selected' : ''}" data-testid="quote-option" data-service="${esc(o.service)}" tabindex="0" aria-pressed="${selected}">` +
    `<div class="q-top"><div class="q-name"><div class="q-label">${esc(o.label)}${tags ? ` <span class="q-tags">${tags}</span>` : ''}</div>` +
    `<div class="q-desc">${esc(o.description)}</div></div>` +
    `<div class="q-price" data-testid="quote-price">${cny(o.priceCny)}</div></div>` +
    `<div class="q-eta" data-testid="quote-eta"><span class="q-date">Delivered ${deliveryDay(o.deliveryDate)}</span><span class="q-days">${transitLabel(o.transitDays)}</span></div>` +
    `<dl class="q-facts">` +
    `<div><dt>Chargeable</dt><dd data-testid="quote-chargeable">${kg(o.chargeableWeightKg)} kg ${weightNote}</dd></div>` +
    `<div><dt>CO₂</dt><dd>${sig3(o.co2Kg)} kg</dd></div></dl>` +
    `<div class="q-path"><span class="q-modes">${modePills(o.path.modes)}</span><span class="q-km">${km(o.path.distanceM)} km</span><span class="q-via">${via}</span></div>` +
    `<details class="q-more" data-testid="breakdown"><summary><span class="q-more-label">Price breakdown</span>${costBar(o)}</summary>${breakdownTable(o)}</details>` +
    `</article>`
  );
}

/** The whole answer: the route, one card per option, then any services without a route. */
export function renderQuote(r: QuoteResult, selectedService: string | null): string {
  const snapped = (p: QuoteResult['origin']) =>
    p.snappedFromM !== undefined ? ` <span class="q-snap">(nearest city, ${km(p.snappedFromM)} km away)</span>` : '';
  const weights =
    r.volumetricWeightKg !== null
      ? `${kg(r.actualWeightKg)} kg actual · ${kg(r.volumetricWeightKg)} kg volumetric`
      : `${kg(r.actualWeightKg)} kg`;
  const cards = r.options.map((o) => renderOptionCard(o, r, o.service === selectedService)).join('');
  const none = r.unavailable.length
    ? `<div class="notice warn q-unavailable" data-testid="quote-unavailable">${r.unavailable
        .map((u) => `<div><strong>${esc(u.service)}</strong>: ${esc(u.reason)}</div>`)
        .join('')}</div>`
    : '';
  const empty = r.options.length ? '' : `<div class="notice warn" data-testid="quote-none"><div class="notice-title">No service can carry this parcel</div></div>`;
  return (
    `<div class="result-head" data-testid="quote-summary"><div class="result-title">${r.options.length} option${r.options.length === 1 ? '' : 's'}</div>` +
    `<div class="result-route">${esc(r.origin.name)} <span class="zh">${esc(r.origin.nameZh)}</span>${snapped(r.origin)} → ${esc(r.destination.name)} <span class="zh">${esc(r.destination.nameZh)}</span>${snapped(r.destination)}</div>` +
    `<div class="result-meta">${weights} · prices in CNY incl. margin · click a card to see its path</div></div>` +
    `<div class="q-cards">${cards}</div>${empty}${none}`
  );
}

/** An error the form cannot attach to a field (or a failed request). */
export function renderQuoteError(message: string, field?: string): string {
  const f = field ? `<div class="notice-hint">Field: <code>${esc(field)}</code></div>` : '';
  return `<div class="notice error" role="alert" data-testid="quote-error"><div class="notice-title">Could not quote</div><div>${esc(message)}</div>${f}</div>`;
}
