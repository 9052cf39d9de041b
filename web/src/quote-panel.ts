// The Quote view's form and answer: origin and destination (search or map clicks), weight, size,
// declared value, service and hand-in time; asks POST /api/quotes and shows one card per service.
// Problems are shown on the field they name, whether found here or by the API.
import { ApiError, fetchQuote } from './api.js';
import { esc } from './format.js';
import { renderQuote, renderQuoteError } from './quote-cards.js';
import { checkQuoteForm, formFieldOf, mergeServices, type FieldError, type QuoteFormValues, type ServiceChoice } from './quote-logic.js';
import type { QuoteOption, QuoteResult } from './quote-types.js';
import { createPlaceSearch } from './place-search.js';
import { FIELD_INPUT, quoteFormHtml } from './quote-form.js';
import type { Place } from './types.js';
import type { QuoteUrlState } from './url-state.js';

/** Options of {@link createQuotePanel}. */
export interface QuotePanelOptions {
  places: readonly Place[];
  initial: QuoteUrlState;
  describe?: (p: Place) => string;
  /** Any input changed (write the URL). */
  onState(s: QuoteUrlState): void;
  /** The chosen ends changed (mark them on the map). */
  onEnds(from: Place | null, to: Place | null): void;
  /** The option to draw (null: none); `fit` when the map should zoom to it. */
  onSelect(r: QuoteResult | null, option: QuoteOption | null, fit: boolean): void;
}

/** The panel's public face. */
export interface QuotePanel {
  /** A place clicked on the map: fills the origin, then the destination, then starts over. */
  pick(id: string): void;
  /** Draws the selected option again (after switching back to this view). */
  redraw(): void;
}

const numText = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/** Builds the Quote form and answer inside `root`. */
export function createQuotePanel(root: HTMLElement, o: QuotePanelOptions): QuotePanel {
  const byId = new Map(o.places.map((p) => [p.id, p]));
  const init = o.initial;
  let services: ServiceChoice[] = [];
  let result: QuoteResult | null = null;
  let selected: string | null = null;
  let submitted = false;
  let seq = 0;
  let inflight: AbortController | null = null;
  let ends = { from: init.from, to: init.to };

  root.innerHTML = quoteFormHtml();

  const form = root.querySelector<HTMLFormElement>('form')!;
  const out = root.querySelector<HTMLElement>('[data-testid="quote-result"]')!;
  const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
  const weight = input('q-weight');
  const length = input('q-length');
  const width = input('q-width');
  const height = input('q-height');
  const value = input('q-value');
  const ship = input('q-ship');
  const service = root.querySelector<HTMLSelectElement>('#q-service')!;
  const copyBtn = root.querySelector<HTMLButtonElement>('[data-testid="quote-copy-link"]')!;

  weight.value = init.weightKg === null ? '1' : String(init.weightKg);
  [length.value, width.value, height.value] = init.dimsCm ? init.dimsCm.map(String) : ['', '', ''];
  value.value = numText(init.declaredValueCny);
  ship.value = init.shipAt ?? '';

  const renderServices = (want: string) => {
    const list = want && !services.some((s) => s.id === want) ? [...services, { id: want, label: want }] : services;
    service.innerHTML = `<option value="">All services</option>` + list.map((s) => `<option value="${esc(s.id)}">${esc(s.label)}</option>`).join('');
    service.value = want;
  };
  renderServices(init.service ?? '');

  const values = (): QuoteFormValues => ({
    from: ends.from,
    to: ends.to,
    weight: weight.value,
    length: length.value,
    width: width.value,
    height: height.value,
    value: value.value,
    service: service.value,
    shipAt: ship.value,
  });
  const urlState = (): QuoteUrlState => {
    const n = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));
    const dims = [n(length.value), n(width.value), n(height.value)];
    return {
      from: ends.from,
      to: ends.to,
      weightKg: n(weight.value),
      dimsCm: dims.every((d) => d !== null && d > 0) ? (dims as [number, number, number]) : null,
      declaredValueCny: n(value.value),
      service: service.value || null,
      shipAt: ship.value || null,
    };
  };

  const clearErrors = () => {
    root.querySelectorAll<HTMLElement>('.field-error').forEach((e) => {
      e.hidden = true;
      e.textContent = '';
    });
    root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  };
  const showErrors = (errors: FieldError[]) => {
    clearErrors();
    const shown = new Set<string>();
    for (const e of errors) {
      const box = root.querySelector<HTMLElement>(`[data-testid="error-${e.field}"]`);
      // The three sides share one line of the form: say the same thing once.
      const once = /^(length|width|height)Cm$/.test(e.field) ? `size:${e.message}` : null;
      if (box && !(once && shown.has(once))) {
        if (once) shown.add(once);
        box.hidden = false;
        box.textContent = e.message;
      }
      if (e.field === 'origin') places.from.setInvalid(true);
      else if (e.field === 'destination') places.to.setInvalid(true);
      else if (FIELD_INPUT[e.field]) input(FIELD_INPUT[e.field]).setAttribute('aria-invalid', 'true');
    }
  };

  const emptyHint = () => {
    out.innerHTML =
      `<div class="empty" data-testid="quote-empty"><p>Choose two cities and the weight to see prices.</p>` +
      `<dl class="explain"><dt>Services</dt><dd>one card per service level, tagged cheapest, fastest and lowest CO₂</dd>` +
      `<dt>Weight</dt><dd>the larger of actual and volumetric weight (from the size) is charged</dd>` +
      `<dt>Delivery</dt><dd>from the path's transit time, hub handling and daily cut-offs</dd></dl>` +
      `<p>Each price is the cost of the parcel's path (first mile, line haul, sorting at each hub, last mile) plus surcharges and margin; open a card's breakdown to see them.</p></div>`;
  };

  const select = (svc: string | null, fit: boolean) => {
    selected = svc;
    out.querySelectorAll<HTMLElement>('.q-card').forEach((c) => {
      const on = c.dataset.service === svc;
      c.classList.toggle('selected', on);
      c.setAttribute('aria-pressed', String(on));
    });
    const opt = result?.options.find((x) => x.service === svc) ?? null;
    o.onSelect(result, opt, fit);
  };

  const run = async (fit: boolean, explicit: boolean) => {
    inflight?.abort();
    const mine = ++seq;
    const { request, errors } = checkQuoteForm(values());
    if (!request) {
      // While typing, only the fields already complained about (after a submit) are shown.
      if (explicit || submitted) showErrors(errors);
      root.dataset.state = 'invalid';
      if (explicit) {
        result = null;
        emptyHint();
        o.onSelect(null, null, false);
      }
      return;
    }
    clearErrors();
    inflight = new AbortController();
    out.classList.add('loading');
    root.dataset.state = 'loading';
    try {
      const r = await fetchQuote(request, inflight.signal);
      if (mine !== seq) return;
      result = r;
      services = mergeServices(services, r);
      renderServices(service.value);
      const keep = r.options.some((x) => x.service === selected) ? selected : (r.options[0]?.service ?? null);
      out.innerHTML = renderQuote(r, keep);
      root.dataset.state = r.options.length ? 'quoted' : 'none';
      select(keep, fit);
    } catch (e) {
      if (mine !== seq || (e as Error).name === 'AbortError') return;
      const ae = e as ApiError;
      const field = formFieldOf(ae.field);
      result = null;
      o.onSelect(null, null, false);
      if (field && root.querySelector(`[data-testid="error-${field}"]`)) {
        showErrors([{ field, message: ae.message }]);
        out.innerHTML = renderQuoteError(ae.message, ae.field);
      } else {
        out.innerHTML = renderQuoteError(ae.message, ae.field);
      }
      root.dataset.state = 'error';
    } finally {
      if (mine === seq) out.classList.remove('loading');
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (delayMs: number, fit = false) => {
    o.onState(urlState());
    o.onEnds(ends.from ? byId.get(ends.from) ?? null : null, ends.to ? byId.get(ends.to) ?? null : null);
    clearTimeout(timer);
    timer = setTimeout(() => void run(fit, false), delayMs);
  };

  const places = {
    from: createPlaceSearch(root.querySelector('[data-slot="from"]')!, {
      role: 'from',
      idPrefix: 'quote-',
      label: 'From',
      placeholder: 'Origin city, 英文或中文',
      places: () => o.places,
      describe: o.describe,
      onChange: (p) => {
        ends = { ...ends, from: p?.id ?? null };
        changed(0, true);
      },
    }),
    to: createPlaceSearch(root.querySelector('[data-slot="to"]')!, {
      role: 'to',
      idPrefix: 'quote-',
      label: 'To',
      placeholder: 'Destination city',
      places: () => o.places,
      describe: o.describe,
      onChange: (p) => {
        ends = { ...ends, to: p?.id ?? null };
        changed(0, true);
      },
    }),
  };
  places.from.set(ends.from ? byId.get(ends.from) ?? null : null);
  places.to.set(ends.to ? byId.get(ends.to) ?? null : null);

  for (const el of [weight, length, width, height, value]) el.addEventListener('input', () => changed(400));
  for (const el of [service, ship]) el.addEventListener('change', () => changed(0));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted = true;
    clearTimeout(timer);
    o.onState(urlState());
    void run(true, true);
  });
  root.querySelector('[data-testid="quote-swap"]')!.addEventListener('click', () => {
    ends = { from: ends.to, to: ends.from };
    places.from.set(ends.from ? byId.get(ends.from) ?? null : null);
    places.to.set(ends.to ? byId.get(ends.to) ?? null : null);
    changed(0, true);
  });
  root.querySelector('[data-testid="quote-clear"]')!.addEventListener('click', () => {
    ends = { from: null, to: null };
    places.from.set(null);
    places.to.set(null);
    weight.value = '1';
    length.value = width.value = height.value = value.value = ship.value = '';
    service.value = '';
    submitted = false;
    clearErrors();
    ++seq;
    inflight?.abort();
    result = null;
    emptyHint();
    o.onState(urlState());
    o.onEnds(null, null);
    o.onSelect(null, null, false);
  });
  copyBtn.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copyBtn.textContent = 'Link copied';
    } catch {
      copyBtn.textContent = 'Copy the address bar';
    }
    setTimeout(() => (copyBtn.textContent = 'Copy link'), 1600);
  });
  out.addEventListener('click', (e) => {
    const card = (e.target as HTMLElement).closest<HTMLElement>('.q-card');
    if (card && card.dataset.service !== selected) select(card.dataset.service ?? null, true);
  });
  out.addEventListener('keydown', (e) => {
    const card = (e.target as HTMLElement).closest<HTMLElement>('.q-card');
    if (card && e.target === card && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      select(card.dataset.service ?? null, true);
    }
  });

  // Unknown ids from a shared link are sent anyway, so that the API's 404 names them.
  if (ends.from && !byId.has(ends.from)) places.from.showUnknown(ends.from);
  if (ends.to && !byId.has(ends.to)) places.to.showUnknown(ends.to);
  o.onEnds(ends.from ? byId.get(ends.from) ?? null : null, ends.to ? byId.get(ends.to) ?? null : null);
  emptyHint();
  root.dataset.state = 'empty';
  if (ends.from && ends.to) void run(false, true);

  return {
    pick(id) {
      const p = byId.get(id);
      if (!p) return;
      if (!ends.from || ends.to) {
        ends = { from: id, to: null };
        places.from.set(p);
        places.to.set(null);
      } else if (id !== ends.from) {
        ends = { ...ends, to: id };
        places.to.set(p);
      } else return;
      changed(0, true);
    },
    redraw() {
      const opt = result?.options.find((x) => x.service === selected) ?? null;
      o.onSelect(result, opt, false);
    },
  };
}
