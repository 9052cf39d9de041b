// The Streets view: a route along the demo city's streets between two points clicked on the map
// (or typed as "lon, lat"), fastest or shortest, from POST /api/roads/route. The panel shows the
// distance, the time and where the points were snapped; errors (a point too far from any street)
// show the API's problem detail under the field it names. The drawing is in streets-layer.ts.
import type L from 'leaflet';
import { ApiError, fetchRoadRoute, fetchRoads } from './api.js';
import { esc, whole } from './format.js';
import { createStreetsLayer } from './streets-layer.js';
import { attributionText, averageKmh, clickTarget, formatLonLat, graphTitle, parseLonLat, streetKm, streetMin, swappedHint } from './streets-logic.js';
import type { LonLat, RoadGraphInfo, RoadRouteResult } from './streets-types.js';
import type { StreetsUrlState, StreetWeight } from './url-state.js';

/** Options of {@link createStreetsView}. */
export interface StreetsViewOptions {
  initial: StreetsUrlState;
  /** Any input changed (write the URL). */
  onState(s: StreetsUrlState): void;
  /** Padding for fitting bounds, so that the map's controls do not hide the route. */
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface StreetsView {
  /** The tab was opened: loads the graphs once, shows the attribution; `fit` zooms to the graph's extent. */
  enter(fit: boolean): Promise<void>;
  /** The tab was left: takes the attribution away. */
  leave(): void;
}

type Found = Extract<RoadRouteResult, { found: true }>;
type End = 'from' | 'to';

const WEIGHT_LABEL: Record<StreetWeight, string> = { time: 'Fastest', distance: 'Shortest' };
/** A rejected point closer than this to the graph's centre is brought into view. */
const NEAR_M = 50_000;

function notice(kind: 'warn' | 'error', testid: string, title: string, body: string, hint = ''): string {
  return (
    `<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}" data-testid="${testid}">` +
    `<div class="notice-title">${esc(title)}</div><div>${esc(body)}</div>${hint ? `<div class="notice-hint">${hint}</div>` : ''}</div>`
  );
}

function renderFound(r: Found, weight: StreetWeight, graph: RoadGraphInfo): string {
  const tile = (key: 'distance' | 'time', label: string, value: string, unit: string, raw: number) =>
    `<div class="tile${weight === key ? ' main' : ''}" data-testid="streets-${key}" data-value="${raw}"><span class="tile-label">${label}</span>` +
    `<span class="tile-value">${value} <small>${unit}</small></span></div>`;
  const kmh = averageKmh(r.distanceM, r.durationS);
  const snap = (what: string, s: Found['from']) => `${what} ${whole(s.distanceM)} m`;
  return (
    `<div class="result-title">${WEIGHT_LABEL[weight]} route</div>` +
    `<div class="result-meta">${esc(graphTitle(graph.name))} streets${kmh ? ` · average ${whole(kmh)} km/h` : ''}</div>` +
    `<div class="tiles" data-testid="streets-summary">${tile('distance', 'Distance', streetKm(r.distanceM), 'km', r.distanceM)}${tile('time', 'Time', streetMin(r.durationS), 'min', r.durationS)}</div>` +
    `<p class="streets-snap" data-testid="streets-snap">Snapped to the nearest street: ${snap('start', r.from)}, ${snap('end', r.to)} from the points given.</p>`
  );
}

function renderEmpty(from: LonLat | null): string {
  const lead = from ? 'Now click the end point on the map.' : 'Click a start point on the map.';
  return (
    `<div class="empty" data-testid="streets-empty"><p>${lead}</p>` +
    `<p>Points are snapped to the nearest street a car may use (up to 1 km away). Drag A or B to move them; a third click starts over.</p>` +
    `<dl class="explain"><dt>Fastest</dt><dd>least travel time, from speeds by road class and speed limits</dd>` +
    `<dt>Shortest</dt><dd>least distance along streets a car may use, one-way streets respected</dd></dl></div>`
  );
}

/** Builds the panel inside `root` and its drawing on `map`. */
export function createStreetsView(root: HTMLElement, map: L.Map, o: StreetsViewOptions): StreetsView {
  const s: StreetsUrlState = { from: o.initial.from, to: o.initial.to, weight: o.initial.weight };
  let graphs: RoadGraphInfo[] | null = null;
  let loading: Promise<void> | null = null;
  let graph: RoadGraphInfo | null = null;
  let extentBounds: L.LatLngBounds | null = null;
  let active = false;
  let seq = 0;
  let inflight: AbortController | null = null;
  let answered = false;

  root.dataset.state = 'loading';
  root.innerHTML =
    `<div class="panel-section streets-form"><h2 class="section-title">Street route</h2>` +
    `<p class="section-hint" data-testid="streets-hint">Loading the road graph…</p>` +
    `<div class="field graph-pick" hidden><label class="field-label" for="streets-graph">Road graph</label><select id="streets-graph" data-testid="streets-graph"></select></div>` +
    (['from', 'to'] as const)
      .map((end) => {
        const [letter, label] = end === 'from' ? ['from', 'Start'] : ['to', 'End'];
        return (
          `<div class="field"><label class="field-label" for="streets-${end}"><span class="end-dot end-${letter}" aria-hidden="true"></span>${label} <span class="opt">lon, lat</span></label>` +
          `<div class="place-input-wrap"><input id="streets-${end}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" placeholder="click the map, or type -76.6122, 39.2904" data-testid="streets-${end}">` +
          `<button type="button" class="place-clear" aria-label="Clear ${label.toLowerCase()}" data-clear="${end}" hidden>×</button></div>` +
          `<div class="field-error" data-testid="streets-${end}-error" hidden></div></div>`
        );
      })
      .join('') +
    `<div class="field"><span class="field-label">Route</span><div class="segmented" role="radiogroup" aria-label="Fastest or shortest">` +
    (['time', 'distance'] as const)
      .map((w) => `<label data-testid="streets-weight-${w}"><input type="radio" name="streets-weight" value="${w}"${w === s.weight ? ' checked' : ''}><span>${WEIGHT_LABEL[w]}</span></label>`)
      .join('') +
    `</div></div>` +
    `<div class="actions"><button type="button" class="primary" data-testid="streets-go">Route</button>` +
    `<button type="button" class="ghost" data-testid="streets-clear">Clear</button>` +
    `<button type="button" class="ghost" data-testid="streets-fit" title="Zoom to the whole road graph">Whole graph</button></div></div>` +
    `<div class="panel-section result" data-testid="streets-result" aria-live="polite"></div>` +
    `<div class="panel-section streets-about" data-testid="streets-about"></div>`;

  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const result = $<HTMLElement>('[data-testid="streets-result"]');
  const hint = $<HTMLElement>('[data-testid="streets-hint"]');
  const about = $<HTMLElement>('[data-testid="streets-about"]');
  const select = $<HTMLSelectElement>('#streets-graph');
  const inputs: Record<End, HTMLInputElement> = { from: $('#streets-from'), to: $('#streets-to') };
  const errors: Record<End, HTMLElement> = { from: $('[data-testid="streets-from-error"]'), to: $('[data-testid="streets-to-error"]') };

  const layer = createStreetsLayer(map, {
    onDrag: (end, p) => {
      s[end] = p;
      syncInputs();
      void run(false);
    },
  });

  const fitOpts = o.fitPadding ?? { padding: [40, 40] };
  const fitExtent = () => {
    if (extentBounds) map.fitBounds(extentBounds, fitOpts);
  };
  const syncInputs = () => {
    for (const end of ['from', 'to'] as const) {
      const p = s[end];
      inputs[end].value = p ? formatLonLat(p) : '';
      root.querySelector<HTMLElement>(`[data-clear="${end}"]`)!.hidden = !p;
    }
  };
  const setFieldError = (end: End, message: string | null) => {
    errors[end].textContent = message ?? '';
    errors[end].hidden = !message;
    inputs[end].setAttribute('aria-invalid', String(!!message));
  };
  const changed = () => o.onState({ ...s });

  const showGraph = (g: RoadGraphInfo) => {
    graph = g;
    extentBounds = layer.setGraph(g);
    hint.innerHTML = `Click two points inside the dashed rectangle, the streets of <b>${esc(graphTitle(g.name))}</b>: first the start, then the end. Or type coordinates.`;
    const size = g.nodeCount ? ` · ${whole(g.nodeCount)} nodes, ${whole(g.arcCount ?? 0)} arcs` : '';
    about.innerHTML =
      `<div class="streets-about-title">Road data</div><div>${esc(graphTitle(g.name))}${size}</div>` +
      `<div data-testid="streets-attribution">${esc(attributionText(g))}${g.source ? ` · from <code>${esc(g.source)}</code>` : ''}</div>` +
      `<div class="tt-dim">No street tiles offline: the streets are drawn from the road graph itself.</div>`;
  };

  const run = async (fit: boolean) => {
    inflight?.abort();
    const mine = ++seq;
    if (!graph) return;
    setFieldError('from', null);
    setFieldError('to', null);
    if (!s.from || !s.to) {
      layer.showPoints(s.from, s.to);
      root.dataset.state = 'empty';
      result.innerHTML = renderEmpty(s.from);
      return;
    }
    // Points typed as "lat, lon" are caught here with a hint; every other point goes to the API.
    const swapped = (['from', 'to'] as const).map((end) => [end, swappedHint(s[end]!, graph!.extent)] as const).filter(([, h]) => h);
    if (swapped.length) {
      for (const [end, h] of swapped) setFieldError(end, h);
      layer.showPoints(s.from, s.to);
      root.dataset.state = 'error';
      result.innerHTML = notice('error', 'streets-error', 'Could not route', 'A point is outside the road graph with longitude and latitude swapped.');
      return;
    }
    const from = s.from;
    const to = s.to;
    inflight = new AbortController();
    root.dataset.state = 'loading';
    result.classList.add('loading');
    try {
      const r = await fetchRoadRoute({ from, to, weight: s.weight, graph: graph.name }, inflight.signal);
      if (mine !== seq) return;
      answered = true;
      if (r.found) {
        const bounds = layer.showRoute(r, from, to);
        result.innerHTML = renderFound(r, s.weight, graph);
        root.dataset.state = 'found';
        if (fit && active && bounds.isValid() && !map.getBounds().contains(bounds)) map.fitBounds(bounds, fitOpts);
      } else {
        layer.showPoints(from, to);
        result.innerHTML = notice('warn', 'streets-none', 'No route', r.reason, 'One of the points may be on a street cut off from the rest (a one-way dead end, a private road).');
        root.dataset.state = 'none';
      }
    } catch (e) {
      if (mine !== seq) return;
      const err = e as ApiError;
      layer.showPoints(from, to);
      const where = err.field === 'from' ? 'the start' : err.field === 'to' ? 'the end' : '';
      if (err.field === 'from' || err.field === 'to') setFieldError(err.field, 'Rejected by the road API: see the error below.');
      // A typed point near the graph: show it beside the graph (one far away would lose the city).
      if (fit && active && extentBounds && err.field) {
        const p = err.field === 'from' ? from : to;
        const at: L.LatLngTuple = [p[1], p[0]];
        if (map.distance(at, extentBounds.getCenter()) < NEAR_M) map.fitBounds(extentBounds.pad(0).extend(at), fitOpts);
      }
      result.innerHTML = notice('error', 'streets-error', 'Could not route', err.message, where ? `Move ${where} onto a street inside the dashed rectangle.` : '');
      root.dataset.state = 'error';
    } finally {
      if (mine === seq) result.classList.remove('loading');
    }
  };

  const load = (): Promise<void> =>
    (loading ??= (async () => {
      try {
        graphs = (await fetchRoads()).graphs;
      } catch (e) {
        root.dataset.state = 'error';
        hint.textContent = 'The road graphs could not be loaded.';
        result.innerHTML = notice('error', 'streets-error', 'Cannot load the road graphs', (e as Error).message);
        return;
      }
      if (graphs.length === 0) {
        root.dataset.state = 'error';
        hint.textContent = 'No road graph is loaded.';
        result.innerHTML = notice('warn', 'streets-none', 'No road graph', 'The server has no road graph.', 'Import one with <code>hubflow roads import FILE.osm.pbf</code>.');
        return;
      }
      select.innerHTML = graphs.map((g) => `<option value="${esc(g.name)}">${esc(graphTitle(g.name))}</option>`).join('');
      root.querySelector<HTMLElement>('.graph-pick')!.hidden = graphs.length < 2;
      showGraph(graphs[0]);
    })());

  // Typed coordinates: read on Enter or when the field is left.
  for (const end of ['from', 'to'] as const) {
    const commit = () => {
      const text = inputs[end].value.trim();
      const cur = s[end] ? formatLonLat(s[end]!) : '';
      if (text === cur) return;
      if (text === '') {
        s[end] = null;
      } else {
        const p = parseLonLat(text);
        if (!p.ok) {
          setFieldError(end, p.message);
          return;
        }
        s[end] = p.point;
      }
      syncInputs();
      changed();
      void run(true);
    };
    inputs[end].addEventListener('change', commit);
    inputs[end].addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commit();
    });
    inputs[end].addEventListener('input', () => setFieldError(end, null));
  }
  root.addEventListener('click', (e) => {
    const end = (e.target as HTMLElement).closest<HTMLElement>('[data-clear]')?.dataset.clear as End | undefined;
    if (!end) return;
    s[end] = null;
    syncInputs();
    changed();
    void run(false);
  });
  $('.segmented').addEventListener('change', (e) => {
    s.weight = (e.target as HTMLInputElement).value as StreetWeight;
    changed();
    void run(false);
  });
  select.addEventListener('change', () => {
    const g = graphs?.find((x) => x.name === select.value);
    if (!g) return;
    showGraph(g);
    fitExtent();
    void run(false);
  });
  $('[data-testid="streets-go"]').addEventListener('click', () => {
    for (const end of ['from', 'to'] as const) inputs[end].dispatchEvent(new Event('change'));
    if (!s.from) inputs.from.focus();
    else if (!s.to) inputs.to.focus();
    void run(true);
  });
  $('[data-testid="streets-clear"]').addEventListener('click', () => {
    s.from = s.to = null;
    syncInputs();
    changed();
    void run(false);
  });
  $('[data-testid="streets-fit"]').addEventListener('click', fitExtent);

  // Clicks on the map while the view is open: the start, then the end, then start over.
  map.on('click', (e: L.LeafletMouseEvent) => {
    if (!active || !graph) return;
    const p: LonLat = [e.latlng.lng, e.latlng.lat];
    const target = clickTarget(s.from, s.to);
    if (target === 'restart') {
      s.from = p;
      s.to = null;
    } else {
      s[target] = p;
    }
    syncInputs();
    changed();
    void run(false);
  });
  syncInputs();

  return {
    async enter(fit) {
      active = true;
      layer.setActive(true);
      await load();
      if (!active || !graph) return;
      layer.setActive(true);
      if (fit) fitExtent();
      if (!answered) void run(false);
    },
    leave() {
      active = false;
      layer.setActive(false);
    },
  };
}
