// The Flows view: the least-cost plan of POST /api/allocations on the map (lanes by flow and mode,
// hubs filled by utilisation), with bottlenecks and their capacity prices, cost by component,
// unserved demand, what-if edits (capacity, close a hub or lane, keep a hub open) and the difference
// against the previous plan. A 202 answer is a job: polled with a progress bar and Cancel (DELETE).
import type L from 'leaflet';
import './flows.css';
import { ApiError } from './api.js';
import { cancelAllocationJob, solveAllocation } from './flows-api.js';
import { createFlowsLayer, type FlowsLayer } from './flows-layer.js';
import { createForecastSource } from './flows-forecast.js';
import { actionOfButton, applyEdit, type EditAction } from './flows-edits.js';
import { allocationRequest, copyEdits, solveKey, type FlowsUrlState } from './flows-logic.js';
import { cancelledHtml, controlsHtml, editsHtml, errorHtml, hubEditorHtml, laneEditorHtml, progressHtml } from './flows-panel-html.js';
import { diffHtml, resultHtml } from './flows-result-html.js';
import { diffPlans, laneTotals, type PlanDiff } from './flows-plan.js';
import type { Allocation } from './flows-types.js';
import { esc } from './format.js';
import type { MapPlace } from './network-layers.js';
import { loadFlowsNetwork } from './flows-places.js';

/** Options of {@link createFlowsView}. */
export interface FlowsViewOptions {
  initial: FlowsUrlState;
  /** Any input changed (write the URL). */
  onState(s: FlowsUrlState): void;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface FlowsView {
  /** The tab was opened: draws the plan, solves the first time. */
  enter(): void;
  /** The tab was left: hide what the view drew on the map (a running job keeps running). */
  leave(): void;
}


/** Builds the panel inside `root` and its layers on `map`. */
export function createFlowsView(root: HTMLElement, map: L.Map, o: FlowsViewOptions): FlowsView {
  const s: FlowsUrlState = { ...o.initial, edits: copyEdits(o.initial.edits) };
  let places = new Map<string, MapPlace>();
  let laneCaps = new Map<string, number>();
  let citiesByPop: string[] = [];
  let loaded: Promise<void> | null = null;
  let layer: FlowsLayer | null = null;
  let plan: Allocation | null = null;
  let previous: Allocation | null = null;
  let diff: PlanDiff | null = null;
  let show: 'plan' | 'change' = 'plan';
  let solvedKey = '';
  let solvedDemandKey = '';
  let selected: string | null = null;
  let active = false;
  let fitted = false;
  let seq = 0;
  let jobId: string | null = null;

  root.innerHTML = '<p class="flows-empty panel-section">Loading the network…</p>';
  root.dataset.state = 'idle';
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const name = (id: string) => places.get(id)?.name?.replace(/ sort hub$/, ' hub') ?? id;
  const changed = () => o.onState({ ...s, edits: copyEdits(s.edits) });
  const demandKey = () => JSON.stringify([s.demand, s.day, s.cities, s.scale, s.integer, s.lanes]);
  const forecasts = createForecastSource();
  let forecastJobId: string | null = null;
  let demandLine = '';

  const load = () =>
    (loaded ??= loadFlowsNetwork().then((net) => {
      places = net.places;
      laneCaps = net.laneCaps;
      citiesByPop = net.citiesByPop;
      layer = createFlowsLayer(map, places, (id) => select(id), (id) => select(id));
      root.innerHTML = controlsHtml(s, citiesByPop.length);
      wireControls();
      renderEdits();
    }));

  const drawMap = () => {
    if (!layer || !plan) return;
    const counts = layer.draw({ plan, previous, diff, show: diff ? show : 'plan', minPct: s.minPct, local: s.local, selected });
    root.dataset.lanesShown = String(counts.shown);
    if (active) layer.show();
  };

  const pending = () => solvedKey !== '' && solveKey(s) !== solvedKey;
  const renderSolveButton = () => {
    const btn = root.querySelector<HTMLButtonElement>('[data-testid="flows-solve"]');
    if (!btn) return;
    btn.textContent = plan ? (pending() ? 'Re-solve' : 'Solve again') : 'Solve';
    btn.classList.toggle('flows-attention', pending());
  };

  function editorHtml(): string {
    if (!selected || !plan) return '';
    const hub = plan.hubs.find((h) => h.hub === selected);
    const base = places.get(selected)?.capacityTonnesPerDay ?? 0;
    if (hub) return hubEditorHtml(hub, s.edits, s.integer, base);
    const t = laneTotals(plan.lanes).find((l) => l.laneId === selected);
    return laneEditorHtml(selected, name, t?.kgPerDay ?? 0, s.edits, laneCaps.get(selected) ?? plan.lanes.find((l) => l.laneId === selected)?.capacityKgPerDay, s.integer && s.lanes);
  }

  function renderEdits(): void {
    const el = root.querySelector<HTMLElement>('[data-testid="flows-edits"]');
    if (!el) return;
    el.innerHTML = editsHtml(s.edits, name, pending(), editorHtml());
    renderSolveButton();
  }

  function renderResult(): void {
    const el = root.querySelector<HTMLElement>('[data-testid="flows-result"]');
    if (!el || !plan) return;
    el.innerHTML = resultHtml(plan, name, diff ? diffHtml(diff, name, show) : '', demandLine);
  }

  function select(id: string | null): void {
    selected = selected === id ? null : id;
    renderEdits();
    drawMap();
    // bring the editor into the panel's view (scrolling only the panel, never the page)
    const ed = root.querySelector<HTMLElement>('[data-testid="flows-editor"]');
    const panel = root.closest<HTMLElement>('.panel');
    if (ed && panel) {
      const top = ed.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      if (top < 0 || top > panel.clientHeight - 120) panel.scrollTop += top - 60;
    }
  }

  const edit = (a: EditAction) => {
    s.edits = applyEdit(s.edits, a);
    changed();
    renderEdits();
  };

  function wireControls(): void {
    $<HTMLSelectElement>('[data-testid="flows-demand"]').addEventListener('change', (ev) => {
      s.demand = (ev.target as HTMLSelectElement).value as FlowsUrlState['demand'];
      $<HTMLElement>('[data-testid="flows-day-field"]').hidden = s.demand === 'synthetic';
      changed();
      renderSolveButton();
    });
    $<HTMLInputElement>('[data-testid="flows-day"]').addEventListener('change', (ev) => {
      const d = Math.round(Number((ev.target as HTMLInputElement).value)) - 1;
      if (Number.isInteger(d) && d >= 0 && d < 28) s.day = d;
      (ev.target as HTMLInputElement).value = String(s.day + 1);
      changed();
      renderSolveButton();
    });
    $<HTMLSelectElement>('[data-testid="flows-cities"]').addEventListener('change', (ev) => {
      const v = (ev.target as HTMLSelectElement).value;
      s.cities = v === 'all' ? null : Number(v);
      changed();
      renderSolveButton();
    });
    $<HTMLInputElement>('[data-testid="flows-scale"]').addEventListener('change', (ev) => {
      const x = Number((ev.target as HTMLInputElement).value);
      if (Number.isFinite(x) && x > 0 && x <= 100) s.scale = x;
      (ev.target as HTMLInputElement).value = String(s.scale);
      changed();
      renderSolveButton();
    });
    root.querySelectorAll<HTMLInputElement>('input[name="flows-model"]').forEach((r) =>
      r.addEventListener('change', () => {
        s.integer = r.value !== 'lp';
        s.lanes = r.value === 'mip-lanes';
        changed();
        renderEdits();
      }),
    );
    $<HTMLSelectElement>('[data-testid="flows-min"]').addEventListener('change', (ev) => {
      s.minPct = Number((ev.target as HTMLSelectElement).value);
      changed();
      drawMap();
    });
    $<HTMLInputElement>('[data-testid="flows-local"]').addEventListener('change', (ev) => {
      s.local = (ev.target as HTMLInputElement).checked;
      changed();
      drawMap();
    });
    $<HTMLButtonElement>('[data-testid="flows-solve"]').addEventListener('click', () => void solve());
    root.addEventListener('click', (ev) => {
      const t = ev.target as HTMLElement;
      const btn = t.closest<HTMLButtonElement>('button');
      if (btn?.dataset.testid === 'flows-cancel') return void cancel();
      if (btn?.dataset.testid === 'flows-retry') return void solve();
      if (btn?.dataset.testid === 'flows-editor-close') return select(null);
      if (btn) {
        const isHub = plan?.hubs.some((h) => h.hub === selected) ?? false;
        const capInput = () => Number(root.querySelector<HTMLInputElement>('[data-testid="flows-cap-input"]')?.value ?? NaN);
        const action = actionOfButton(btn.dataset, selected, isHub, capInput);
        if (action) return edit(action);
      }
      const row = t.closest<HTMLElement>('tr[data-hub]');
      if (row) return select(row.dataset.hub!);
    });
    root.addEventListener('change', (ev) => {
      const t = ev.target as HTMLInputElement;
      if (t.name === 'flows-show') {
        show = t.value === 'change' ? 'change' : 'plan';
        drawMap();
      }
    });
    root.addEventListener('keydown', (ev) => {
      const t = ev.target as HTMLElement;
      if (ev.key === 'Enter' && t.dataset.testid === 'flows-cap-input') root.querySelector<HTMLButtonElement>('[data-testid="flows-cap-apply"]')?.click();
    });
  }

  const statusEl = () => root.querySelector<HTMLElement>('[data-testid="flows-status"]')!;

  function showPlan(p: Allocation, key: string, dKey: string): void {
    if (plan && dKey === solvedDemandKey) {
      previous = plan;
      diff = diffPlans(previous, p);
      show = 'change';
    } else {
      previous = null;
      diff = null;
      show = 'plan';
    }
    plan = p;
    solvedKey = key;
    solvedDemandKey = dKey;
    if (selected && !p.hubs.some((h) => h.hub === selected) && !p.lanes.some((l) => l.laneId === selected)) selected = null;
    root.dataset.state = 'ready';
    root.classList.remove('stale');
    statusEl().innerHTML = '';
    renderResult();
    renderEdits();
    drawMap();
    if (!fitted && active && layer) {
      fitted = true;
      const b = layer.bounds();
      if (b.isValid()) map.fitBounds(b, { ...o.fitPadding, maxZoom: 6 });
    }
  }

  function showError(e: unknown): void {
    root.dataset.state = 'error';
    root.classList.remove('stale');
    statusEl().innerHTML = errorHtml((e as Error).message, e instanceof ApiError ? e.field : undefined);
  }

  function showCancelled(): void {
    root.dataset.state = 'cancelled';
    root.classList.remove('stale');
    statusEl().innerHTML = cancelledHtml(plan !== null);
  }

  async function solve(): Promise<void> {
    await load();
    const my = ++seq;
    const old = jobId;
    jobId = null;
    if (old) void cancelAllocationJob(old).catch(() => undefined);
    const key = solveKey(s);
    const dKey = demandKey();
    const integer = s.integer;
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const note = s.integer && s.lanes
      ? 'Choosing hubs and lanes takes about half a minute on the 30 largest cities, far longer on every city.'
      : integer
        ? 'The mixed-integer model on every city takes about half a minute of CPU.'
        : 'The LP on every city takes a few seconds.';
    root.dataset.state = 'loading';
    root.classList.toggle('stale', plan !== null);
    statusEl().innerHTML = progressHtml(null, 0, false, note);
    try {
      const demand = await forecasts.demand(s, citiesByPop, {
        isCurrent: () => my === seq,
        onJob: (id) => {
          forecastJobId = id;
          if (id) root.dataset.state = 'running';
        },
        onProgress: (p) => (statusEl().innerHTML = progressHtml({ ...p, message: `forecasting demand per city${p?.message ? `: ${p.message}` : ''}` }, elapsed(), true, 'The forecast of every city takes about ten seconds the first time; it is kept for later solves.')),
      });
      if (my !== seq || !demand) return;
      const { totals, line } = demand;
      const out = await solveAllocation(allocationRequest(s, citiesByPop, totals), {
        isCurrent: () => my === seq,
        onJob: (id) => {
          jobId = id;
          if (id) root.dataset.state = 'running';
        },
        onProgress: (p) => (statusEl().innerHTML = progressHtml(p, elapsed(), true, note)),
      });
      if (my !== seq || out === null) return;
      if (out === 'cancelled') return showCancelled();
      demandLine = line;
      showPlan(out, key, dKey);
    } catch (e) {
      if (my === seq) showError(e);
    }
  }

  async function cancel(): Promise<void> {
    const id = jobId;
    const fid = forecastJobId;
    if (!id && !fid) return;
    seq++;
    jobId = null;
    forecastJobId = null;
    showCancelled();
    if (fid) await forecasts.cancel(fid);
    if (id) await cancelAllocationJob(id).catch(() => undefined);
  }

  return {
    enter() {
      active = true;
      void load()
        .then(() => {
          if (!active) return;
          if (plan) drawMap();
          else if (root.dataset.state === 'idle') void solve();
        })
        .catch((e: unknown) => {
          root.innerHTML = `<div class="panel-section"><div class="notice error" role="alert" data-testid="flows-error"><div class="notice-title">Cannot load the network</div><div>${esc((e as Error).message)}</div></div></div>`;
          root.dataset.state = 'error';
        });
    },
    leave() {
      active = false;
      layer?.hide();
    },
  };
}
