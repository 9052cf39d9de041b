// The Quote form's markup: ends, weight, size, service, declared value, hand-in time, actions,
// with one error line per field (data-testid error-<field>, the API's field names).

/** The id of the input of each API field that has one. */
export const FIELD_INPUT: Record<string, string> = {
  weightKg: 'q-weight',
  lengthCm: 'q-length',
  widthCm: 'q-width',
  heightCm: 'q-height',
  declaredValueCny: 'q-value',
  service: 'q-service',
  shipAt: 'q-ship',
};

/** The form and an empty answer section, as HTML. */
export function quoteFormHtml(): string {
  const err = (field: string) => `<div class="field-error" data-testid="error-${field}" hidden></div>`;
  return (
    `<form class="panel-section quote-form" novalidate data-testid="quote-form">` +
    `<h2 class="section-title">Quote a parcel</h2>` +
    `<p class="section-hint">Price and delivery date per service, from the parcel's path through the network.</p>` +
    `<div class="ends"><div class="end-fields"><div data-slot="from"></div>${err('origin')}<div data-slot="to"></div>${err('destination')}</div>` +
    `<button type="button" class="icon-btn swap" title="Swap origin and destination" aria-label="Swap origin and destination" data-testid="quote-swap">⇅</button></div>` +
    `<div class="q-row1">` +
    `<div class="field"><label class="field-label" for="q-weight">Weight</label><div class="with-unit"><input id="q-weight" type="number" min="0" step="any" inputmode="decimal" placeholder="1.2" data-testid="quote-weight"><span>kg</span></div></div>` +
    `<div class="field"><span class="field-label" id="q-size-label" title="The larger of the actual weight and the volumetric weight (L × W × H / divisor) is charged">Size L × W × H <span class="opt">optional</span></span>` +
    `<div class="q-dims" role="group" aria-labelledby="q-size-label">` +
    `<input id="q-length" type="number" min="0" step="any" inputmode="decimal" placeholder="L" aria-label="Length in cm" data-testid="quote-length"><span class="x">×</span>` +
    `<input id="q-width" type="number" min="0" step="any" inputmode="decimal" placeholder="W" aria-label="Width in cm" data-testid="quote-width"><span class="x">×</span>` +
    `<input id="q-height" type="number" min="0" step="any" inputmode="decimal" placeholder="H" aria-label="Height in cm" data-testid="quote-height"><span class="unit">cm</span></div></div>` +
    `</div>` +
    `${err('weightKg')}${err('lengthCm')}${err('widthCm')}${err('heightCm')}` +
    `<div class="q-row2">` +
    `<div class="field"><label class="field-label" for="q-service">Service</label><select id="q-service" data-testid="quote-service"><option value="">All services</option></select></div>` +
    `<div class="field"><label class="field-label" for="q-value" title="Declared value, for insurance">Value <span class="opt">opt.</span></label><div class="with-unit"><input id="q-value" type="number" min="0" step="any" inputmode="decimal" placeholder="—" data-testid="quote-value"><span>¥</span></div></div>` +
    `<div class="field"><label class="field-label" for="q-ship" title="Hand-in time, China Standard Time (UTC+8); empty: now">Hand-in <span class="opt">CST · empty: now</span></label><input id="q-ship" type="datetime-local" data-testid="quote-ship"></div>` +
    `</div>` +
    `${err('service')}${err('declaredValueCny')}${err('shipAt')}` +
    `<div class="actions"><button type="submit" class="primary" data-testid="get-quote">Get quotes</button>` +
    `<button type="button" class="ghost" data-testid="quote-clear">Clear</button>` +
    `<button type="button" class="ghost" data-testid="quote-copy-link" title="Copy a link to this quote">Copy link</button></div>` +
    `</form>` +
    `<div class="panel-section result quote-result" data-testid="quote-result" aria-live="polite"></div>`
  );
}
