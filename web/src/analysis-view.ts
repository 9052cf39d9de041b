// The Analysis view: savings against a baseline and the flywheel over many weeks (POST /api/flywheel,
// a job with progress and Cancel), with stored scenarios compared side by side. The panel holds the
// assumptions and the scenario list; the dashboard (KPI cards, waterfall, weekly charts, table) lies
// over the map area while the tab is open (analysis.css).
//
// Opening the tab shows the result for the current inputs from, in order: this page's memory, a stored
// scenario with the same inputs and seed (instant), else a fresh run (13 weeks × 1 seed by default,
// about 10 s). Changing an input re-runs (the running job is cancelled first).
import './analysis.css';
import type L from 'leaflet';
import { cancelFlywheelJob, compareScenarios, deleteScenario, getFlywheelJob, getScenario, listScenarios, saveScenario, startFlywheel } from './analysis-api.js';
import { comparisonHtml, dashboardHtml, waitingHtml } from './analysis-dash.js';
import { saveCsv } from './analysis-hubs.js';
import { DEFAULT_ANALYSIS, YEAR_PRESET, flywheelBody, inputsKey, scenarioInputs, scenarioName, stateFromInputs, type AnalysisUrlState, type Component } from './analysis-logic.js';
import { wireAnalysisEvents } from './analysis-events.js';
import { SLIDERS, closeHubOptions, closeLaneOptions, closedChips, type HubLane, elasticityNote, hubCapacitySelect, panelHtml, progressHtml, scenarioListHtml } from './analysis-panel.js';
import type { FlywheelJob, FlywheelResult, ScenarioItem } from './analysis-types.js';
import { ApiError } from './api.js';
import { loadHubChoices } from './analysis-hubs.js';
import { esc } from './format.js';

/** Options of {@link createAnalysisView}. */
export interface AnalysisViewOptions {
  initial: AnalysisUrlState;
  /** Any input changed (write the URL). */
  onState(s: AnalysisUrlState): void;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface AnalysisView {
  /** The tab was opened: shows the dashboard, loads or runs the result for the inputs. */
  enter(): void;
  /** The tab was left: the dashboard is hidden by CSS (a running job keeps running). */
  leave(): void;
}

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const keyOf = (s: AnalysisUrlState) => {
  const { inputs, seed } = scenarioInputs(s);
  return inputsKey(inputs, seed);
};

/** What the dashboard shows: a result, where it came from, and the job that made it (for saving). */
interface Shown {
  key: string;
  result: FlywheelResult;
  source: string;
  jobId: string | null;
  scenarioId: string | null;
}

/** Builds the panel inside `root` and the dashboard over the map area. */
export function createAnalysisView(root: HTMLElement, _map: L.Map, o: AnalysisViewOptions): AnalysisView {
  let s: AnalysisUrlState = { ...o.initial, off: [...o.initial.off] };
  let shown: Shown | null = null;
  const memory = new Map<string, Shown>();
  let scenarios: ScenarioItem[] = [];
  let ticked: string[] = [];
  let seq = 0;
  let jobId: string | null = null;
  let started = false;
  let listTimer: ReturnType<typeof setTimeout> | null = null;
  let hubs: { id: string; name: string }[] = [];
  const hubNames = new Map<string, string>();
  let hubLanes: HubLane[] = [];
  const laneNames = new Map<string, string>();

  root.innerHTML = panelHtml(s);
  root.dataset.state = 'idle';
  const dash = document.createElement('div');
  dash.className = 'analysis-dash';
  dash.dataset.testid = 'analysis-dash';
  dash.innerHTML = '<div class="an-empty-dash">Open the Analysis tab to run the flywheel.</div>';
  (root.closest('.app') ?? document.body).appendChild(dash);

  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const statusEl = $<HTMLElement>('[data-testid="analysis-status"]');
  const listEl = $<HTMLElement>('[data-testid="analysis-scenarios"]');
  const saveStatus = $<HTMLElement>('[data-testid="analysis-save-status"]');
  const compareBtn = $<HTMLButtonElement>('[data-testid="analysis-compare-btn"]');
  const nameInput = $<HTMLInputElement>('[data-testid="analysis-name"]');

  const changed = () => o.onState({ ...s, off: [...s.off] });

  /** Puts the state into the inputs (after a reset, a preset or opening a scenario). */
  const fillInputs = () => {
    for (const d of SLIDERS) {
      $<HTMLInputElement>(`input[data-k="${d.key}"]`).value = String(s[d.key]);
      $<HTMLOutputElement>(`output[data-out="${d.key}"]`).textContent = d.show(s[d.key]);
    }
    $<HTMLElement>('[data-note="elasticity"]').textContent = elasticityNote(s.elasticity);
    for (const k of ['merchants', 'parcelsPerMerchantPerWeek', 'seed'] as const) $<HTMLInputElement>(`input[data-k="${k}"]`).value = String(s[k]);
    root.querySelectorAll<HTMLInputElement>('input[data-comp]').forEach((c) => (c.checked = !s.off.includes(c.dataset.comp as Component)));
    $<HTMLSelectElement>('[data-testid="analysis-hubcap"]').outerHTML = hubCapacitySelect(s.hubCapacityScale);
    renderHubs();
    nameInput.placeholder = scenarioName(s);
  };

  /** The closed hubs' chips and the list of hubs that can still be closed. */
  function renderHubs(): void {
    $<HTMLElement>('[data-testid="analysis-closed"]').innerHTML = closedChips(s.closedHubs, hubNames);
    $<HTMLSelectElement>('[data-testid="analysis-close-hub"]').innerHTML = closeHubOptions(hubs, s.closedHubs);
    $<HTMLElement>('[data-testid="analysis-closed-lanes"]').innerHTML = closedChips(s.closedLanes, laneNames, 'lane');
    $<HTMLSelectElement>('[data-testid="analysis-close-lane"]').innerHTML = closeLaneOptions(hubLanes, s.closedLanes);
  }

  /** Inputs changed: write the URL, mark the result stale and show (or run) the new one. */
  const inputsChanged = () => {
    nameInput.placeholder = scenarioName(s);
    changed();
    markStale();
    void load();
  };

  const markStale = () => {
    dash.classList.toggle('stale', shown !== null && shown.key !== keyOf(s));
  };

  const show = (sh: Shown) => {
    shown = sh;
    memory.set(sh.key, sh);
    dash.innerHTML = dashboardHtml(sh.result, sh.source);
    dash.dataset.state = 'ready';
    dash.dataset.weeks = String(sh.result.periods.length);
    markStale();
    renderList();
  };

  const notice = (kind: 'warn' | 'error', title: string, body: string, retry = true) => {
    statusEl.innerHTML =
      `<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}" data-testid="analysis-${kind === 'error' ? 'error' : 'notice'}"><div class="notice-title">${esc(title)}</div><div>${body}</div></div>` +
      (retry ? '<div class="actions"><button type="button" class="primary" data-testid="analysis-retry">Run the flywheel</button></div>' : '');
  };

  const errText = (e: unknown) => {
    const msg = e instanceof ApiError ? e.message : (e as Error).message;
    const field = e instanceof ApiError && e.field ? ` <span class="an-field">(field <code>${esc(e.field)}</code>)</span>` : '';
    return `${esc(msg)}${field}`;
  };

  /** Runs the flywheel for the current inputs as a job, polling its progress. */
  async function run(): Promise<void> {
    const my = ++seq;
    const old = jobId;
    jobId = null;
    if (old) void cancelFlywheelJob(old).catch(() => undefined);
    const state = { ...s, off: [...s.off] };
    const key = keyOf(state);
    root.dataset.state = 'running';
    dash.classList.add('busy');
    const waiting = (job: FlywheelJob | null) => {
      statusEl.innerHTML = progressHtml(job, state.periods, state.seeds);
      if (!shown) dash.innerHTML = waitingHtml(progressHtml(job, state.periods, state.seeds).replace('data-testid="analysis-cancel"', 'data-testid="analysis-cancel-dash"'));
    };
    waiting(null);
    try {
      const res = await startFlywheel(flywheelBody(state));
      if (my !== seq) return void cancelFlywheelJob(res.jobId).catch(() => undefined);
      jobId = res.jobId;
      for (;;) {
        await sleep(POLL_MS);
        if (my !== seq) return;
        const job = await getFlywheelJob(res.jobId);
        if (my !== seq) return;
        if (job.status === 'done' && job.result) {
          jobId = null;
          root.dataset.state = 'ready';
          dash.classList.remove('busy');
          statusEl.innerHTML = '';
          return show({ key, result: job.result, source: `run ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`, jobId: res.jobId, scenarioId: null });
        }
        if (job.status === 'failed') throw new ApiError(500, job.error?.message ?? 'The flywheel job failed.', job.error?.field);
        if (job.status === 'cancelled') {
          jobId = null;
          return cancelled();
        }
        waiting(job);
      }
    } catch (e) {
      if (my !== seq) return;
      jobId = null;
      root.dataset.state = 'error';
      dash.classList.remove('busy');
      notice('error', 'The flywheel did not run', errText(e));
    }
  }

  const cancelled = () => {
    root.dataset.state = 'cancelled';
    if (!shown) dash.innerHTML = waitingHtml('<p>Run cancelled. Change an input or press “Run again”.</p>');
    dash.classList.remove('busy');
    notice('warn', 'Run cancelled', shown ? 'The dashboard still shows the previous result.' : 'Nothing to show yet.');
  };

  const cancel = async () => {
    const id = jobId;
    seq++;
    jobId = null;
    cancelled();
    if (id) await cancelFlywheelJob(id).catch((e: unknown) => console.warn('hubflow: cancel failed', e));
  };

  /** A result is about to be shown without running: a running job is dropped (cancelled) and the view is ready. */
  function dropRun(): void {
    seq++;
    if (jobId) void cancelFlywheelJob(jobId).catch(() => undefined);
    jobId = null;
    root.dataset.state = 'ready';
    dash.classList.remove('busy');
    statusEl.innerHTML = '';
  }

  /** Shows the result for the inputs from memory or a stored scenario; else runs the flywheel. */
  async function load(): Promise<void> {
    const key = keyOf(s);
    const mem = memory.get(key);
    if (mem) {
      dropRun();
      return show(mem);
    }
    const stored = scenarios.find((sc) => sc.latestRun?.status === 'done' && inputsKey(sc.inputs, sc.seed) === key);
    if (stored && (await openScenario(stored.id, false))) return;
    return run();
  }

  /** Shows a stored scenario's latest result (and, with `setInputs`, takes its inputs). */
  async function openScenario(id: string, setInputs: boolean): Promise<boolean> {
    try {
      const d = await getScenario(id);
      if (setInputs) {
        s = stateFromInputs(d.scenario.inputs, d.scenario.seed);
        fillInputs();
        changed();
      }
      if (!d.latestResult) {
        notice('warn', `“${d.scenario.name}” has no finished run yet`, 'Its run is still going or failed; the dashboard keeps what it showed.', false);
        markStale();
        return false;
      }
      dropRun();
      show({ key: inputsKey(d.scenario.inputs, d.scenario.seed), result: d.latestResult.result, source: `scenario “${d.scenario.name}”`, jobId: null, scenarioId: d.scenario.id });
      return true;
    } catch (e) {
      notice('error', 'Cannot open the scenario', errText(e), false);
      return false;
    }
  }

  function renderList(): void {
    ticked = ticked.filter((id) => scenarios.some((sc) => sc.id === id));
    listEl.innerHTML = scenarioListHtml(scenarios, ticked, shown?.scenarioId ?? null);
    compareBtn.disabled = ticked.length !== 2;
    compareBtn.textContent = ticked.length === 2 ? 'Compare A and B' : `Compare ticked (${ticked.length}/2)`;
  }

  /** Reloads the list; polls while a scenario's run is still going. */
  async function refreshList(): Promise<void> {
    if (listTimer) clearTimeout(listTimer);
    listTimer = null;
    try {
      scenarios = await listScenarios();
    } catch (e) {
      saveStatus.innerHTML = `<div class="notice error">${errText(e)}</div>`;
      return;
    }
    renderList();
    if (scenarios.some((sc) => sc.latestRun && (sc.latestRun.status === 'running' || sc.latestRun.status === 'queued'))) {
      listTimer = setTimeout(() => void refreshList(), 1500);
    }
  }

  async function save(): Promise<void> {
    const name = nameInput.value.trim() || scenarioName(s);
    const { inputs, seed } = scenarioInputs(s);
    const key = inputsKey(inputs, seed);
    const fromJob = shown && shown.key === key && shown.jobId ? shown.jobId : undefined;
    saveStatus.textContent = 'Saving…';
    try {
      let res;
      try {
        res = await saveScenario({ name, inputs, seed, fromJob });
      } catch (e) {
        // The job expired on the server (or ran other inputs): store the inputs and run them again.
        if (!(fromJob && e instanceof ApiError && e.field === 'fromJob')) throw e;
        res = await saveScenario({ name, inputs, seed });
      }
      nameInput.value = '';
      saveStatus.innerHTML = res.run.status === 'done' ? `Saved “${esc(name)}”.` : `Saved “${esc(name)}”; its run is going (the result repeats from the stored inputs and seed).`;
      if (shown && shown.key === key) shown.scenarioId = res.scenarioId;
      await refreshList();
    } catch (e) {
      saveStatus.innerHTML = `<div class="notice error" data-testid="analysis-save-error">${errText(e)}</div>`;
    }
  }

  async function compare(): Promise<void> {
    if (ticked.length !== 2) return;
    const slot = dash.querySelector<HTMLElement>('[data-testid="analysis-compare-slot"]');
    try {
      const c = await compareScenarios(ticked[0], ticked[1]);
      if (!slot) {
        dash.innerHTML = `<div class="an-compare-only">${comparisonHtml(c)}</div>`;
        return;
      }
      slot.innerHTML = comparisonHtml(c);
      slot.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      saveStatus.innerHTML = `<div class="notice error" data-testid="analysis-compare-error">${errText(e)}</div>`;
    }
  }

  const downloadCsv = () => {
    if (shown) saveCsv(shown.result);
  };

  wireAnalysisEvents(root, dash, {
    setValue(k, v) {
      s = { ...s, [k]: v };
      inputsChanged();
    },
    setComponentsOff(off) {
      s = { ...s, off };
      inputsChanged();
    },
    close(kind, id) {
      const list = kind === 'hub' ? s.closedHubs : s.closedLanes;
      if (list.includes(id)) return;
      s = kind === 'hub' ? { ...s, closedHubs: [...list, id] } : { ...s, closedLanes: [...list, id] };
      renderHubs();
      inputsChanged();
    },
    reopen(kind, id) {
      s = kind === 'hub' ? { ...s, closedHubs: s.closedHubs.filter((x) => x !== id) } : { ...s, closedLanes: s.closedLanes.filter((x) => x !== id) };
      renderHubs();
      inputsChanged();
    },
    tick(id, checked) {
      ticked = checked ? [...ticked.filter((x) => x !== id), id].slice(-2) : ticked.filter((x) => x !== id);
      renderList();
    },
    cancel: () => void cancel(),
    runAgain() {
      memory.delete(keyOf(s));
      void run();
    },
    preset(which) {
      s = which === 'year' ? { ...s, ...YEAR_PRESET } : { ...DEFAULT_ANALYSIS, off: [], closedHubs: [], closedLanes: [] };
      fillInputs();
      inputsChanged();
    },
    save: () => void save(),
    compare: () => void compare(),
    open: (id) => void openScenario(id, true),
    remove(id) {
      void deleteScenario(id)
        .then(() => {
          if (shown?.scenarioId === id) shown.scenarioId = null;
          return refreshList();
        })
        .catch((err: unknown) => (saveStatus.innerHTML = `<div class="notice error">${errText(err)}</div>`));
    },
    downloadCsv,
    closeCompare() {
      const slot = dash.querySelector('[data-testid="analysis-compare-slot"]');
      if (slot) slot.innerHTML = '';
      else if (shown) show(shown);
    },
  });

  return {
    enter() {
      if (started) {
        void refreshList();
        return;
      }
      started = true;
      void loadHubChoices()
        .then((c) => {
          hubs = c.hubs;
          hubLanes = c.lanes;
          c.hubs.forEach((h) => hubNames.set(h.id, h.name));
          c.lanes.forEach((l) => laneNames.set(l.id, l.label));
          renderHubs();
        })
        .catch((e: unknown) => console.warn('hubflow: hubs not loaded', e));
      dash.innerHTML = '<div class="an-empty-dash" data-testid="analysis-loading">Looking for a stored result…</div>';
      void refreshList().then(() => load());
    },
    leave() {
      /* The dashboard is hidden by CSS; a running job goes on and is shown on return. */
    },
  };
}
