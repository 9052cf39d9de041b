// The Operations view: plan a day's delivery routes from a depot. Load a SYNTHETIC sample (Hangzhou,
// or Baltimore on the demo road graph's streets) or import stops from CSV (with a column mapping
// step), set the depot (field or map click) and the fleet, solve as a job (progress, Cancel), then
// read the KPIs and the table of stops per route, move stops between routes or positions (the plan
// is re-evaluated by POST /api/vrp/evaluate, not re-optimised) and export CSV or GeoJSON.
import type L from 'leaflet';
import './ops.css';
import { evaluatePlan, fetchRoadGraphs, fetchSample, fetchSamples } from './ops-api.js';
import { centroid, DEFAULT_FLEET, download, nearStops, readVehicles, showSecond, writeFleet, writeSecond } from './ops-fleet.js';
import { createImport } from './ops-import.js';
import { createSolveRunner } from './ops-job.js';
import { createOpsLayer } from './ops-layer.js';
import { fleetLabels, moveWithPartner, setFleetSlots, planCsv, planGeojson, planOf, shiftStop, SECONDS_MAX, SECONDS_MIN, type OpsUrlState, type SampleName } from './ops-logic.js';
import { formHtml, samplesHtml, stopsTableHtml, summaryHtml, travelWord } from './ops-panel-html.js';
import type { LonLat, OpsRequest, OpsResult, OpsSampleInfo, PlanRoute } from './ops-types.js';
import { esc } from './format.js';
import { formatLonLat, parseLonLat } from './streets-logic.js';
import type { RoadGraphInfo } from './streets-types.js';

/** Options of {@link createOpsView}. */
export interface OpsViewOptions {
  initial: OpsUrlState;
  /** Any input changed (write the URL). */
  onState(s: OpsUrlState): void;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface OpsView {
  /** The tab was opened. */
  enter(): void;
  /** The tab was left: hide what the view drew on the map. */
  leave(): void;
}

const STREET_MAX_ZOOM = 18;

/** Builds the panel inside `root` and its layers on `map`. */
export function createOpsView(root: HTMLElement, map: L.Map, o: OpsViewOptions): OpsView {
  const url: OpsUrlState = { ...o.initial };
  let req: OpsRequest | null = null;
  let result: OpsResult | null = null;
  let plan: PlanRoute[] = [];
  let history: PlanRoute[][] = [];
  let edited = false;
  let note = '';
  let selected: string | null = null;
  let evalSeq = 0;
  let evalAbort: AbortController | null = null;
  let picking = false;
  let active = false;
  let samples: OpsSampleInfo[] = [];
  let graphs: RoadGraphInfo[] = [];
  let loadedSamples: Promise<void> | null = null;
  let saved: { center: L.LatLng; zoom: number; maxZoom: number } | null = null;

  root.innerHTML = formHtml(url.seconds);
  root.dataset.state = 'empty';
  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const samplesEl = $('[data-testid="ops-samples"]');
  const loadedEl = $('[data-testid="ops-loaded"]');
  const resultEl = $('[data-testid="ops-result"]');
  const solveBtn = $<HTMLButtonElement>('[data-testid="ops-solve"]');
  const depotIn = $<HTMLInputElement>('#ops-depot');
  const depotErr = $('[data-testid="ops-depot-error"]');
  const fleetErr = $('[data-testid="ops-fleet-error"]');
  const pickBtn = $<HTMLButtonElement>('[data-testid="ops-pick-depot"]');
  const field = (id: string) => $<HTMLInputElement>(`#ops-${id}`);
  const fitOpts = o.fitPadding ?? { padding: [40, 40] };

  const layer = createOpsLayer(map, {
    onStop: (id) => select(id, true),
  });

  const changed = () => o.onState({ ...url });
  const graphFor = (r: OpsRequest): RoadGraphInfo | null => {
    const pts = [r.depot, ...r.stops.map((s) => s.location)];
    return graphs.find((g) => pts.every(([x, y]) => x >= g.extent[0] && x <= g.extent[2] && y >= g.extent[1] && y <= g.extent[3])) ?? null;
  };
  const fit = (b: L.LatLngBounds) => {
    if (active && b.isValid()) map.fitBounds(b, { ...fitOpts, maxZoom: 16 });
  };
  const vehicleLabels = () => (req ? req.vehicles.flatMap((v) => fleetLabels(v.id, v.count ?? 1)) : []);
  const setSample = (name: SampleName | null) => {
    url.sample = name;
    changed();
    samplesEl.querySelectorAll<HTMLElement>('.ops-sample').forEach((b) => b.classList.toggle('on', b.dataset.sample === name));
  };

  // ---- fleet form <-> request (ops-fleet.ts) ----
  const showFleet = () => {
    writeFleet(field, req?.vehicles[0] ?? DEFAULT_FLEET);
    writeSecond(field, req?.vehicles[1]);
    depotIn.value = req ? formatLonLat(req.depot) : '';
  };
  const fleetNow = () => readVehicles(field, req?.vehicles[0]?.id ?? DEFAULT_FLEET.id);
  const showError = (el: HTMLElement, msg: string | null) => {
    el.textContent = msg ?? '';
    el.hidden = !msg;
  };

  // ---- drawing and panel ----
  const renderResult = () => {
    if (req) setFleetSlots(req.vehicles);
    if (!req) {
      resultEl.innerHTML = `<div class="empty" data-testid="ops-empty"><p>Load a sample scenario or import stops to begin.</p><p>The Hangzhou and Baltimore samples are made up (SYNTHETIC): a station, a day's parcel stops and a fleet of vans.</p></div>`;
      root.dataset.state = 'empty';
      return;
    }
    if (!result) {
      const tw = req.stops.filter((s) => s.timeWindows?.length).length;
      const kg = req.stops.reduce((s, x) => s + (x.demand?.kg ?? 0), 0);
      resultEl.innerHTML = `<div class="empty" data-testid="ops-ready"><p>${req.stops.length} stops ready, ${Math.round(kg)} kg in all, ${tw} with a time window.</p><p>Check the depot and the fleet, then press <b>Solve</b>. The solver runs for the seconds given and returns the best plan found.</p></div>`;
      root.dataset.state = 'ready';
      return;
    }
    resultEl.innerHTML =
      summaryHtml(result, req, edited, note) +
      `<h3 class="ops-sub ops-table-title">Stops by route <span class="ops-key"><span class="ops-win binds">window</span> binds (slack 0) · <span class="ops-bad">late</span> · times HH:MM, wait and slack in min</span></h3>` +
      `<div class="ops-table-wrap">${stopsTableHtml(result, req, vehicleLabels(), selected)}</div>`;
    root.dataset.state = edited ? 'edited' : 'solved';
  };
  const draw = (fitNow: boolean) => {
    if (!req) return;
    setFleetSlots(req.vehicles);
    layer.setStreets(graphFor(req));
    const b = result ? layer.showPlan(req, result) : layer.showProblem(req);
    if (selected) layer.highlight(selected);
    if (fitNow) fit(b);
  };
  const select = (id: string | null, fromMap = false) => {
    selected = id;
    layer.highlight(id);
    root.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
    if (!id) return;
    const tr = root.querySelector<HTMLElement>(`tr[data-stop="${CSS.escape(id)}"]`);
    tr?.classList.add('selected');
    if (fromMap) tr?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    else layer.reveal(id);
  };
  const byHandBtn = $<HTMLButtonElement>('[data-testid="ops-by-hand"]');
  const syncSolve = () => {
    solveBtn.disabled = !req || req.stops.length === 0 || runner.busy;
    byHandBtn.disabled = solveBtn.disabled;
    solveBtn.textContent = result ? 'Solve again' : 'Solve';
  };

  // ---- loading a scenario ----
  const setProblem = (r: OpsRequest, label: string) => {
    runner.drop();
    req = r;
    result = null;
    plan = [];
    history = [];
    edited = false;
    selected = null;
    showFleet();
    showError(depotErr, null);
    showError(fleetErr, null);
    loadedEl.hidden = false;
    loadedEl.innerHTML = `Loaded: <b>${esc(label)}</b> · ${r.stops.length} stops`;
    renderResult();
    syncSolve();
    draw(true);
  };
  const loadSample = async (name: SampleName) => {
    root.dataset.state = 'loading';
    try {
      const s = await fetchSample(name);
      s.request.vehicles = s.request.vehicles.slice(0, 1);
      setProblem(s.request, `${s.title} (SYNTHETIC)`);
      loadedEl.title = s.description;
      loadedEl.insertAdjacentHTML('beforeend', ` · <span class="ops-dim">${s.roadGraph ? 'on the demo road graph\'s streets' : 'straight-line travel'}</span>`);
      setSample(name);
    } catch (e) {
      resultEl.innerHTML = `<div class="notice error" data-testid="ops-error"><div class="notice-title">Cannot load the sample</div>${esc((e as Error).message)}</div>`;
      root.dataset.state = 'error';
    }
  };
  const loadLists = (): Promise<void> =>
    (loadedSamples ??= (async () => {
      const [s, g] = await Promise.allSettled([fetchSamples(), fetchRoadGraphs()]);
      samples = s.status === 'fulfilled' ? s.value : [];
      graphs = g.status === 'fulfilled' ? g.value.graphs : [];
      samplesEl.innerHTML = samples.length ? samplesHtml(samples, url.sample) : '<span class="hint">No sample available from the server.</span>';
      if (url.sample && samples.some((x) => x.name === url.sample) && !req) await loadSample(url.sample);
    })());

  // ---- CSV import (mapping step in ops-import.ts) ----
  createImport($<HTMLInputElement>('[data-testid="ops-file"]'), $('[data-testid="ops-mapping"]'), ({ file, stops, pairs }) => {
    const fleet = fleetNow();
    const depot: LonLat = req?.depot && nearStops(req.depot, stops) ? req.depot : centroid(stops.map((s) => s.location));
    setSample(null);
    setProblem({ depot, stops, vehicles: typeof fleet === 'string' ? [{ ...DEFAULT_FLEET }] : fleet, ...(pairs.length ? { pairs } : {}) }, file);
    if (pairs.length) loadedEl.insertAdjacentHTML('beforeend', ` · ${pairs.length} pickup-and-delivery pair${pairs.length > 1 ? 's' : ''}`);
  });

  // ---- solving (a job: ops-job.ts) ----
  const runner = createSolveRunner($('[data-testid="ops-job"]'), {
    onBusy: (busy) => {
      if (busy) root.dataset.state = 'solving';
      syncSolve();
    },
    onError: (err) => {
      resultEl.innerHTML = `<div class="notice error" data-testid="ops-error"><div class="notice-title">Could not solve</div>${esc(err.message)}${err.field ? `<div class="notice-hint">Field: <code>${esc(err.field)}</code>.</div>` : ''}</div>`;
      root.dataset.state = 'error';
    },
    onDone: (r, cancelled) => {
      if (r) {
        result = r;
        plan = planOf(r);
        history = [];
        edited = false;
        note = `${cancelled ? 'best plan found before Cancel' : `${r.solver?.seconds ?? '?'} s, ${r.solver?.iterations ?? '?'} iterations`} · travel: ${travelWord(r.matrixSource)}`;
        renderResult();
        draw(true);
        // bring the KPIs into view when the form pushed them below the fold
        if (resultEl.getBoundingClientRect().top > window.innerHeight * 0.6) resultEl.scrollIntoView({ block: 'start' });
      } else {
        renderResult();
        if (cancelled) resultEl.insertAdjacentHTML('afterbegin', `<div class="notice warn" data-testid="ops-cancelled">Cancelled before a plan was found.</div>`);
      }
    },
  });
  const problemFromForm = (): OpsRequest | null => {
    if (!req) return null;
    const fleet = fleetNow();
    if (typeof fleet === 'string') {
      showError(fleetErr, fleet);
      return null;
    }
    showError(fleetErr, null);
    req.vehicles = fleet;
    return req;
  };
  const solve = () => {
    const problem = problemFromForm();
    if (!problem || runner.busy) return;
    const seconds = Math.max(SECONDS_MIN, Math.min(SECONDS_MAX, Math.round(Number(field('seconds').value) || url.seconds)));
    url.seconds = seconds;
    field('seconds').value = String(seconds);
    changed();
    evalSeq++; // an evaluation still on its way is superseded
    void runner.start(problem, seconds);
  };

  // ---- editing: re-evaluate the plan without optimising ----
  const evaluate = async (next: PlanRoute[], pushHistory = true) => {
    const problem = problemFromForm();
    if (!problem) return;
    if (pushHistory) history.push(plan);
    plan = next;
    const mine = ++evalSeq;
    evalAbort?.abort();
    evalAbort = new AbortController();
    resultEl.classList.add('loading');
    root.dataset.state = 'evaluating';
    try {
      const r = await evaluatePlan(problem, plan, evalAbort.signal);
      if (mine !== evalSeq) return;
      result = r;
      edited = true;
      renderResult();
      draw(false);
    } catch (e) {
      if (mine !== evalSeq || (e as Error).name === 'AbortError') return;
      resultEl.insertAdjacentHTML('afterbegin', `<div class="notice error" data-testid="ops-error"><div class="notice-title">Could not evaluate the plan</div>${esc((e as Error).message)}</div>`);
      root.dataset.state = 'error';
    } finally {
      if (mine === evalSeq) resultEl.classList.remove('loading');
    }
  };
  const locations = () => new Map((req?.stops ?? []).map((s) => [s.id, s.location]));
  const move = (id: string, vehicle: string) => {
    if (!req) return;
    selected = id;
    void evaluate(moveWithPartner(plan, id, vehicle ? { vehicle } : { unassign: true }, { depot: req.depot, locations: locations() }, req.pairs));
  };
  const problemChanged = () => {
    if (!req) return;
    if (result) void evaluate(plan, false);
    else draw(false);
  };

  // ---- events ----
  samplesEl.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-sample]');
    if (b) void loadSample(b.dataset.sample as SampleName);
  });
  $('[data-testid="ops-sample-csv"]').addEventListener('click', async () => {
    const name = samples.find((s) => s.name === url.sample)?.name ?? samples[samples.length - 1]?.name ?? 'hangzhou';
    try {
      const s = await fetchSample(name);
      download(`hubflow-sample-stops-${name}.csv`, s.stopsCsv, 'text/csv');
    } catch (e) {
      showError(fleetErr, `Cannot fetch the sample CSV: ${(e as Error).message}`);
    }
  });
  const commitDepot = () => {
    const text = depotIn.value.trim();
    if (!req) {
      showError(depotErr, text ? 'Load a sample or import stops first.' : null);
      return;
    }
    if (text === formatLonLat(req.depot)) return;
    const p = parseLonLat(text);
    if (!p.ok) return showError(depotErr, p.message);
    showError(depotErr, null);
    req.depot = p.point;
    problemChanged();
  };
  depotIn.addEventListener('change', commitDepot);
  depotIn.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') commitDepot();
  });
  const setPicking = (on: boolean) => {
    picking = on;
    pickBtn.setAttribute('aria-pressed', String(on));
    pickBtn.textContent = on ? 'Click the map…' : 'Pick on map';
    map.getContainer().classList.toggle('ops-picking', on);
  };
  pickBtn.addEventListener('click', () => setPicking(!picking));
  map.on('click', (e: L.LeafletMouseEvent) => {
    if (!active || !picking) return;
    setPicking(false);
    if (!req) return showError(depotErr, 'Load a sample or import stops first.');
    req.depot = [Math.round(e.latlng.lng * 1e6) / 1e6, Math.round(e.latlng.lat * 1e6) / 1e6];
    depotIn.value = formatLonLat(req.depot);
    showError(depotErr, null);
    problemChanged();
  });
  for (const id of ['count', 'capacity', 'shift-start', 'shift-end', 'lunch', 'lunch-from', 'lunch-to', 'fixed', 'per-km', 'per-hour', 'second-on', 'count2', 'capacity2', 'fixed2', 'per-km2']) {
    field(id).addEventListener('change', () => {
      showSecond(field);
      const fleet = fleetNow();
      showError(fleetErr, typeof fleet === 'string' ? fleet : null);
      if (typeof fleet !== 'string' && req) {
        req.vehicles = fleet;
        problemChanged();
      }
    });
  }
  field('seconds').addEventListener('change', () => {
    const v = Math.round(Number(field('seconds').value));
    if (v >= SECONDS_MIN && v <= SECONDS_MAX) {
      url.seconds = v;
      changed();
    }
  });
  solveBtn.addEventListener('click', solve);
  byHandBtn.addEventListener('click', () => {
    if (!req || runner.busy) return;
    history = [];
    void evaluate([], false);
  });
  resultEl.addEventListener('change', (e) => {
    const s = (e.target as HTMLElement).closest<HTMLSelectElement>('select[data-move]');
    if (s) move(s.dataset.move!, s.value);
  });
  resultEl.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    const nudge = t.closest<HTMLButtonElement>('[data-nudge]');
    if (nudge) {
      selected = nudge.dataset.stop!;
      void evaluate(shiftStop(plan, selected, Number(nudge.dataset.nudge) as -1 | 1));
      return;
    }
    const testid = t.closest<HTMLElement>('button[data-testid]')?.dataset.testid;
    if (testid === 'ops-reoptimise') return solve();
    if (testid === 'ops-undo' && history.length) return void evaluate(history.pop()!, false);
    if (testid === 'ops-export-csv' && result) return download('hubflow-plan.csv', planCsv(result), 'text/csv');
    if (testid === 'ops-export-geojson' && result && req) return download('hubflow-plan.geojson', planGeojson(result, req), 'application/geo+json');
    const row = t.closest<HTMLElement>('tr[data-stop]');
    if (row && !t.closest('select, button')) select(row.dataset.stop === selected ? null : row.dataset.stop!);
  });

  renderResult();
  showFleet();

  return {
    enter() {
      active = true;
      saved = { center: map.getCenter(), zoom: map.getZoom(), maxZoom: map.getMaxZoom() };
      map.setMaxZoom(STREET_MAX_ZOOM);
      layer.setActive(true);
      void loadLists().then(() => {
        if (active && req) draw(true);
      });
    },
    leave() {
      active = false;
      setPicking(false);
      layer.setActive(false);
      if (saved) {
        map.setView(saved.center, Math.min(saved.zoom, saved.maxZoom), { animate: false });
        map.setMaxZoom(saved.maxZoom);
      }
    },
  };
}
