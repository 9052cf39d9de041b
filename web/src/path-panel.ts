// The path planner panel: origin and destination (search or map clicks), objective, weight and
// modes; asks POST /api/paths and shows the answer. The map and URL are updated through callbacks.
import { ApiError, fetchPath } from './api.js';
import { MODE_STYLE, MODES, OBJECTIVES } from './modes.js';
import { objectiveLabel, renderError, renderFound, renderNotFound } from './path-results.js';
import { createPlaceSearch } from './place-search.js';
import type { Mode, Objective, PathResult, Place } from './types.js';

/** The inputs of a path query, as kept in the URL. */
export interface PathState {
  from: string | null;
  to: string | null;
  objective: Objective;
  weightKg: number;
  modes: Mode[];
}

/** Options of {@link createPathPanel}. */
export interface PathPanelOptions {
  places: readonly Place[];
  initial: PathState;
  describe?: (p: Place) => string;
  /** Any input changed (write the URL). */
  onState(s: PathState): void;
  /** The chosen ends changed (mark them on the map). */
  onEnds(from: Place | null, to: Place | null): void;
  /** A new answer (null: cleared or failed); `fit` when the map should zoom to it. */
  onResult(r: PathResult | null, fit: boolean): void;
  /** The pointer is over a leg row (null: left the table). */
  onLegHover(leg: number | null): void;
}

/** The panel's public face. */
export interface PathPanel {
  /** A place clicked on the map: fills the origin, then the destination, then starts over. */
  pick(id: string): void;
  state(): PathState;
}

/** The first input the API would reject, checked here to answer at once; null when all are fine. */
export function checkInputs(s: PathState): { message: string; field: string } | null {
  if (!(s.weightKg > 0)) return { message: 'The weight must be a number of kilograms greater than 0.', field: 'weightKg' };
  if (s.modes.length === 0) return { message: 'Choose at least one mode.', field: 'modes' };
  if (s.from && s.from === s.to) return { message: 'The origin and the destination are the same place.', field: 'to' };
  return null;
}

/** Builds the panel inside `root`. */
export function createPathPanel(root: HTMLElement, o: PathPanelOptions): PathPanel {
  const byId = new Map(o.places.map((p) => [p.id, p]));
  const s: PathState = { ...o.initial, modes: [...o.initial.modes] };
  let seq = 0;
  let inflight: AbortController | null = null;

  root.innerHTML =
    `<div class="panel-section"><h2 class="section-title">Path planner</h2>` +
    `<p class="section-hint">Search for two places, or click two markers on the map: first the origin, then the destination.</p>` +
    `<div class="ends"><div class="end-fields"><div data-slot="from"></div><div data-slot="to"></div></div>` +
    `<button type="button" class="icon-btn swap" title="Swap origin and destination" aria-label="Swap origin and destination" data-testid="swap">⇅</button></div>` +
    `<div class="field-row"><div class="field"><span class="field-label">Optimise for</span><div class="segmented" role="radiogroup" aria-label="Objective">` +
    OBJECTIVES.map(
      (ob) =>
        `<label data-testid="objective-${ob}"><input type="radio" name="objective" value="${ob}"${ob === s.objective ? ' checked' : ''}><span>${objectiveLabel(ob)}</span></label>`,
    ).join('') +
    `</div></div>` +
    `<div class="field weight"><label class="field-label" for="weight">Weight</label>` +
    `<div class="with-unit"><input id="weight" type="number" min="0" step="any" inputmode="decimal" value="${s.weightKg}" data-testid="weight-input"><span>kg</span></div></div></div>` +
    `<div class="field modes"><span class="field-label">Modes</span><div class="mode-checks">` +
    MODES.map(
      (m) =>
        `<label class="mode-check" style="--c:${MODE_STYLE[m].color}" data-testid="mode-${m}"><input type="checkbox" value="${m}"${s.modes.includes(m) ? ' checked' : ''}><span>${MODE_STYLE[m].label}</span></label>`,
    ).join('') +
    `</div></div>` +
    `<div class="actions"><button type="button" class="primary" data-testid="find-path">Find path</button>` +
    `<button type="button" class="ghost" data-testid="clear-path">Clear</button>` +
    `<button type="button" class="ghost" data-testid="copy-link" title="Copy a link to this view and path">Copy link</button></div></div>` +
    `<div class="panel-section result" data-testid="path-result" aria-live="polite"></div>`;

  const result = root.querySelector<HTMLElement>('[data-testid="path-result"]')!;
  const weight = root.querySelector<HTMLInputElement>('#weight')!;
  const copyBtn = root.querySelector<HTMLButtonElement>('[data-testid="copy-link"]')!;

  const emptyHint = () => {
    const lead = s.from || s.to ? 'Choose the other end to see the path.' : 'No path yet.';
    result.innerHTML =
      `<div class="empty" data-testid="path-empty"><p>${lead}</p><dl class="explain">` +
      `<dt>Cost</dt><dd>what the shipment costs in yuan: per tonne-km by mode, plus fixed costs per leg</dd>` +
      `<dt>Time</dt><dd>transit time, with handling at each hub</dd>` +
      `<dt>CO₂</dt><dd>emissions in kg for this weight, per tonne-km by mode</dd></dl>` +
      `<p>The link in the address bar keeps the view and the path: share it, or reload to come back.</p></div>`;
  };
  const changed = () => {
    o.onState({ ...s, modes: [...s.modes] });
    o.onEnds(s.from ? byId.get(s.from) ?? null : null, s.to ? byId.get(s.to) ?? null : null);
  };

  const run = async (fit: boolean) => {
    inflight?.abort();
    if (!s.from || !s.to) {
      ++seq;
      root.dataset.state = 'empty';
      o.onResult(null, false);
      emptyHint();
      return;
    }
    const mine = ++seq;
    const invalid = checkInputs(s);
    if (invalid) {
      result.innerHTML = renderError(invalid.message, invalid.field);
      if (invalid.field === 'to') ends.to.setInvalid(true);
      root.dataset.state = 'error';
      o.onResult(null, false);
      return;
    }
    inflight = new AbortController();
    result.classList.add('loading');
    root.dataset.state = 'loading';
    try {
      const r = await fetchPath({ from: s.from, to: s.to, objective: s.objective, weightKg: s.weightKg, modes: s.modes }, inflight.signal);
      if (mine !== seq) return;
      result.innerHTML = r.found ? renderFound(r) : renderNotFound(r);
      root.dataset.state = r.found ? 'found' : 'none';
      o.onResult(r, fit);
    } catch (e) {
      if (mine !== seq || (e as Error).name === 'AbortError') return;
      const err = e as ApiError;
      result.innerHTML = renderError(err.message, err.field);
      if (err.field === 'from' || err.field === 'to') ends[err.field].setInvalid(true);
      root.dataset.state = 'error';
      o.onResult(null, false);
    } finally {
      if (mine === seq) result.classList.remove('loading');
    }
  };

  const ends = {
    from: createPlaceSearch(root.querySelector('[data-slot="from"]')!, {
      role: 'from',
      label: 'From',
      placeholder: 'Origin: city or hub, 英文或中文',
      places: () => o.places,
      describe: o.describe,
      onChange: (p) => {
        s.from = p?.id ?? null;
        changed();
        void run(true);
      },
    }),
    to: createPlaceSearch(root.querySelector('[data-slot="to"]')!, {
      role: 'to',
      label: 'To',
      placeholder: 'Destination: city or hub',
      places: () => o.places,
      describe: o.describe,
      onChange: (p) => {
        s.to = p?.id ?? null;
        changed();
        void run(true);
      },
    }),
  };
  ends.from.set(s.from ? byId.get(s.from) ?? null : null);
  ends.to.set(s.to ? byId.get(s.to) ?? null : null);

  root.querySelector('.segmented')!.addEventListener('change', (e) => {
    s.objective = (e.target as HTMLInputElement).value as Objective;
    changed();
    void run(false);
  });
  let weightTimer: ReturnType<typeof setTimeout> | undefined;
  weight.addEventListener('input', () => {
    clearTimeout(weightTimer);
    weightTimer = setTimeout(() => {
      s.weightKg = weight.value.trim() === '' ? NaN : Number(weight.value);
      changed();
      void run(false);
    }, 250);
  });
  root.querySelector('.mode-checks')!.addEventListener('change', () => {
    s.modes = MODES.filter((m) => root.querySelector<HTMLInputElement>(`.mode-check input[value="${m}"]`)!.checked);
    changed();
    void run(false);
  });
  root.querySelector('.swap')!.addEventListener('click', () => {
    [s.from, s.to] = [s.to, s.from];
    ends.from.set(s.from ? byId.get(s.from) ?? null : null);
    ends.to.set(s.to ? byId.get(s.to) ?? null : null);
    changed();
    void run(false);
  });
  root.querySelector('[data-testid="find-path"]')!.addEventListener('click', () => {
    if (!s.from) ends.from.focus();
    else if (!s.to) ends.to.focus();
    void run(true);
  });
  root.querySelector('[data-testid="clear-path"]')!.addEventListener('click', () => {
    s.from = s.to = null;
    ends.from.set(null);
    ends.to.set(null);
    changed();
    void run(false);
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
  result.addEventListener('mouseover', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[data-leg]');
    o.onLegHover(row ? Number(row.dataset.leg) : null);
  });
  result.addEventListener('mouseleave', () => o.onLegHover(null));

  // Unknown ids from a shared link are sent anyway, so the API's 404 names them.
  if (s.from && !byId.has(s.from)) ends.from.showUnknown(s.from);
  if (s.to && !byId.has(s.to)) ends.to.showUnknown(s.to);
  const unknown = [s.from, s.to].filter((id): id is string => !!id && !byId.has(id));
  if (unknown.length) result.innerHTML = renderError(`Unknown place ${unknown.map((u) => `"${u}"`).join(', ')} in the link.`);
  o.onEnds(s.from ? byId.get(s.from) ?? null : null, s.to ? byId.get(s.to) ?? null : null);
  if (s.from && s.to) void run(false);
  else emptyHint();

  return {
    pick(id) {
      const p = byId.get(id);
      if (!p) return;
      if (!s.from || (s.from && s.to)) {
        s.from = id;
        s.to = null;
        ends.from.set(p);
        ends.to.set(null);
      } else if (id !== s.from) {
        s.to = id;
        ends.to.set(p);
      } else {
        return;
      }
      changed();
      void run(true);
    },
    state: () => ({ ...s, modes: [...s.modes] }),
  };
}
