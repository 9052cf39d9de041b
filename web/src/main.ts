// The map UI's entry: builds the map, loads the network from the API and wires the panel, the
// layers and the URL state together.
import 'leaflet/dist/leaflet.css';
import './styles.css';
import './quote.css';
import './streets.css';
import './demand.css';
import L from 'leaflet';
import { fetchNetwork, fetchPlaces, fetchProvinces } from './api.js';
import { createDemandPanes } from './demand-layer.js';
import { createDemandView } from './demand-view.js';
import { createAnalysisView } from './analysis-view.js';
import { createFlowsView } from './flows-view.js';
import { createOpsView } from './ops-view.js';
import { BASEMAP_ATTRIBUTION, countriesLayer, createBasemapPanes, provincesLayer } from './basemap.js';
import { esc } from './format.js';
import { addLegend } from './legend.js';
import { buildNetworkLayers, createNetworkPanes } from './network-layers.js';
import { createPathPanel, type PathPanel, type PathState } from './path-panel.js';
import { createPathLayer, createPathPanes } from './path-layer.js';
import { createQuoteBatch } from './quote-batch.js';
import { createQuoteLayer, createQuotePanes } from './quote-layer.js';
import { createQuotePanel, type QuotePanel } from './quote-panel.js';
import { createStreetsPanes } from './streets-layer.js';
import { createStreetsView } from './streets-view.js';
import type { Place } from './types.js';
import { parseUrlState, writeUrlState, type Tab, type UrlState } from './url-state.js';

const TITLES: Record<Tab, string> = { paths: 'hubflow · Paths', quote: 'hubflow · Quote', batch: 'hubflow · Batch quotes', streets: 'hubflow · Streets', demand: 'hubflow · Demand', ops: 'hubflow · Operations', flows: 'hubflow · Flows', analysis: 'hubflow · Analysis' };

/** Deepest zoom on the hub network, and on a city's streets. */
const NETWORK_MAX_ZOOM = 11;
const STREETS_MAX_ZOOM = 18;

/** Shows the panel of `tab` (the Quote view holds one parcel and the CSV batch) and marks its tab. */
function showTab(tab: Tab): void {
  document.body.dataset.tab = tab;
  document.getElementById('path-planner')!.hidden = tab !== 'paths';
  document.getElementById('quote-view')!.hidden = tab !== 'quote' && tab !== 'batch';
  document.getElementById('streets-view')!.hidden = tab !== 'streets';
  document.getElementById('demand-view')!.hidden = tab !== 'demand';
  document.getElementById('ops-view')!.hidden = tab !== 'ops';
  document.getElementById('flows-view')!.hidden = tab !== 'flows';
  document.getElementById('analysis-view')!.hidden = tab !== 'analysis';
  document.getElementById('quote-single')!.hidden = tab !== 'quote';
  document.getElementById('quote-batch')!.hidden = tab !== 'batch';
  document.querySelectorAll<HTMLButtonElement>('.view-tabs button').forEach((b) => {
    b.setAttribute('aria-selected', String(b.dataset.tab === (tab === 'batch' ? 'quote' : tab)));
  });
  document.querySelectorAll<HTMLButtonElement>('.subswitch button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  document.title = TITLES[tab];
}

/** China, mainland and islands: the first view of a fresh page. */
const CHINA_BOUNDS = L.latLngBounds([17.5, 73.5], [53.6, 135.1]);

function showLoadError(el: HTMLElement, message: string): void {
  const div = document.createElement('div');
  div.className = 'load-error';
  div.dataset.testid = 'load-error';
  div.innerHTML = `<strong>Cannot load the network.</strong> ${esc(message)}`;
  el.appendChild(div);
}

async function start(): Promise<void> {
  const mapEl = document.getElementById('map')!;
  const panelEl = document.getElementById('path-planner')!;
  const statusEl = document.getElementById('status')!;
  const initial = parseUrlState(location.hash);
  let url: UrlState = { ...initial };
  let written = location.hash;
  showTab(initial.tab);

  const map = L.map(mapEl, { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 2, maxZoom: initial.tab === 'streets' ? STREETS_MAX_ZOOM : NETWORK_MAX_ZOOM, worldCopyJump: false, zoomControl: false });
  L.control.zoom({ position: 'topleft' }).addTo(map);
  L.control.scale({ position: 'bottomleft', imperial: false }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  if (initial.tab !== 'streets') map.attributionControl.addAttribution(BASEMAP_ATTRIBUTION);
  createBasemapPanes(map);
  createNetworkPanes(map);
  createPathPanes(map);
  createQuotePanes(map);
  createStreetsPanes(map);
  createDemandPanes(map);
  if (initial.view) map.setView([initial.view.lat, initial.view.lon], initial.view.zoom);
  else map.fitBounds(CHINA_BOUNDS);
  countriesLayer().addTo(map);

  // data-moving is set while the map pans or zooms, so a test can wait for it to settle.
  map.on('movestart zoomstart', () => (mapEl.dataset.moving = 'true'));
  map.on('moveend', () => delete mapEl.dataset.moving);
  const save = () => {
    written = writeUrlState(url);
  };
  map.on('moveend', () => {
    const c = map.getCenter();
    url = { ...url, view: { lat: c.lat, lon: c.lng, zoom: map.getZoom() } };
    save();
  });
  // A link pasted or edited by hand: start again from it.
  window.addEventListener('hashchange', () => {
    if (location.hash !== written) location.reload();
  });
  // The Quote tab opens the sub-view last used (one parcel or batch).
  let quoteSub: Tab = initial.tab === 'batch' ? 'batch' : 'quote';
  let onTab: (tab: Tab) => void = () => undefined;

  // The Streets view works on one city's streets: it zooms deeper than the network views and fits
  // the road graph on entering; leaving it brings back the view the network views had.
  const streets = createStreetsView(document.getElementById('streets-view')!, map, {
    initial: initial.streets,
    onState: (st) => {
      url = { ...url, streets: st };
      save();
    },
    fitPadding: { paddingTopLeft: [50, 40], paddingBottomRight: [40, 40] },
  });
  let networkView: { center: L.LatLng; zoom: number } | null = null;
  const enterStreets = (fit: boolean) => {
    if (fit) networkView = { center: map.getCenter(), zoom: map.getZoom() };
    map.setMaxZoom(STREETS_MAX_ZOOM);
    // The basemap (Natural Earth, GeoNames) is hidden there; the road data's attribution is shown.
    map.attributionControl.removeAttribution(BASEMAP_ATTRIBUTION);
    void streets.enter(fit);
  };
  const leaveStreets = () => {
    streets.leave();
    map.attributionControl.addAttribution(BASEMAP_ATTRIBUTION);
    if (networkView) map.setView(networkView.center, networkView.zoom, { animate: false });
    else map.fitBounds(CHINA_BOUNDS, { animate: false });
    map.setMaxZoom(NETWORK_MAX_ZOOM);
  };
  // The Demand view draws its own city circles; the network is hidden while it is open (demand.css).
  const demand = createDemandView(document.getElementById('demand-view')!, map, {
    initial: initial.demand,
    onState: (d) => {
      url = { ...url, demand: d };
      save();
    },
    fit: !initial.view,
    fitPadding: { paddingTopLeft: [40, 40], paddingBottomRight: [40, 40] },
  });
  // The Operations, Flows and Analysis views: each draws its own layers and hides them on leaving.
  const views = {
    ops: createOpsView(document.getElementById('ops-view')!, map, {
      initial: initial.ops,
      onState: (st) => {
        url = { ...url, ops: st };
        save();
      },
      fitPadding: { paddingTopLeft: [40, 40], paddingBottomRight: [40, 40] },
    }),
    flows: createFlowsView(document.getElementById('flows-view')!, map, {
      initial: initial.flows,
      onState: (st) => {
        url = { ...url, flows: st };
        save();
      },
      fitPadding: { paddingTopLeft: [40, 40], paddingBottomRight: [40, 40] },
    }),
    analysis: createAnalysisView(document.getElementById('analysis-view')!, map, {
      initial: initial.analysis,
      onState: (st) => {
        url = { ...url, analysis: st };
        save();
      },
      fitPadding: { paddingTopLeft: [40, 40], paddingBottomRight: [40, 40] },
    }),
  };
  const isOwnView = (t: Tab): t is keyof typeof views => t === 'ops' || t === 'flows' || t === 'analysis';
  const setTab = (tab: Tab) => {
    const prev = url.tab;
    if (tab === 'quote' || tab === 'batch') quoteSub = tab;
    showTab(tab);
    url = { ...url, tab };
    save();
    if (tab === 'streets' && prev !== 'streets') enterStreets(true);
    if (prev === 'streets' && tab !== 'streets') leaveStreets();
    if (tab === 'demand' && prev !== 'demand') demand.enter();
    if (prev === 'demand' && tab !== 'demand') demand.leave();
    if (isOwnView(prev) && prev !== tab) views[prev].leave();
    if (isOwnView(tab) && prev !== tab) views[tab].enter();
    onTab(tab);
  };
  if (initial.tab === 'streets') enterStreets(!initial.view);
  if (initial.tab === 'demand') demand.enter();
  if (isOwnView(initial.tab)) views[initial.tab].enter();
  document.querySelectorAll<HTMLButtonElement>('.view-tabs button, .subswitch button').forEach((b) => {
    b.addEventListener('click', () => {
      const t = b.dataset.tab as Tab;
      setTab(t === 'quote' && b.closest('.view-tabs') ? quoteSub : t);
    });
  });

  const [network, places, provinces] = await Promise.allSettled([fetchNetwork(), fetchPlaces(), fetchProvinces()]);
  if (provinces.status === 'fulfilled') provincesLayer(provinces.value).addTo(map);
  else console.warn('hubflow: provinces not loaded:', provinces.reason);
  if (network.status === 'rejected' || places.status === 'rejected') {
    const reason = network.status === 'rejected' ? network.reason : (places as PromiseRejectedResult).reason;
    showLoadError(mapEl, (reason as Error).message);
    document.body.dataset.state = 'error';
    return;
  }

  let panel: PathPanel | null = null;
  let quotePanel: QuotePanel | null = null;
  const net = buildNetworkLayers(network.value, (id) => (url.tab === 'paths' ? panel?.pick(id) : url.tab === 'quote' ? quotePanel?.pick(id) : undefined));
  const maxPop = Math.max(1, ...places.value.map((p) => p.population ?? 0));
  addLegend(map, net, maxPop);
  const pathLayer = createPathLayer(map, net);
  const describe = (p: Place) => {
    const q = net.places.get(p.id);
    if (p.kind !== 'hub') return '';
    return q?.hubKind === 'ehub' ? 'eHub' : 'sort hub';
  };

  let firstResult = true;
  panel = createPathPanel(panelEl, {
    places: places.value,
    initial: { from: initial.from, to: initial.to, objective: initial.objective, weightKg: initial.weightKg, modes: initial.modes },
    describe,
    onState: (s: PathState) => {
      url = { ...url, ...s };
      save();
    },
    onEnds: (from, to) => {
      if (from && to) return; // the path (or its absence) draws the ends
      pathLayer.clear();
      pathLayer.showEnds(from, to);
    },
    onResult: (r, fit) => {
      const fitNow = fit || (firstResult && !initial.view);
      firstResult = false;
      if (!r || !r.found) {
        pathLayer.clear();
        const s = panel?.state() ?? null;
        const a = s?.from ? net.places.get(s.from) ?? null : null;
        const b = s?.to ? net.places.get(s.to) ?? null : null;
        pathLayer.showEnds(a, b);
        return;
      }
      const bounds = pathLayer.show(r);
      mapEl.classList.add('has-path');
      if (fitNow && bounds.isValid() && url.tab === 'paths') {
        map.fitBounds(bounds, { paddingTopLeft: [60, 60], paddingBottomRight: [240, 60], maxZoom: 7 });
      }
    },
    onLegHover: (i) => pathLayer.highlight(i),
  });

  const quoteLayer = createQuoteLayer(map, net);
  let firstQuote = true;
  let quoteEnds = '';
  quotePanel = createQuotePanel(document.getElementById('quote-single')!, {
    places: places.value,
    initial: initial.quote,
    describe,
    onState: (q) => {
      url = { ...url, quote: q };
      save();
    },
    onEnds: (from, to) => {
      const key = `${from?.id ?? ''}|${to?.id ?? ''}`;
      if (key === quoteEnds) return; // same cities: keep the drawn option until the new answer
      quoteEnds = key;
      quoteLayer.clear();
      quoteLayer.showEnds(from, to);
    },
    onSelect: (r, option, fit) => {
      const fitNow = fit || (firstQuote && !initial.view && (initial.tab === 'quote' || initial.tab === 'batch'));
      if (r) firstQuote = false;
      if (!r || !option) {
        quoteLayer.clear();
        const q = url.quote;
        quoteLayer.showEnds(q.from ? net.places.get(q.from) ?? null : null, q.to ? net.places.get(q.to) ?? null : null);
        return;
      }
      const bounds = quoteLayer.show(r, option);
      if (fitNow && bounds.isValid() && (url.tab === 'quote' || url.tab === 'batch')) {
        map.fitBounds(bounds, { paddingTopLeft: [60, 60], paddingBottomRight: [240, 60], maxZoom: 7 });
      }
    },
  });
  const sampleIds = places.value
    .filter((p) => p.kind === 'city' && p.country === 'CN')
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
    .slice(0, 6)
    .map((p) => p.id);
  createQuoteBatch(document.getElementById('quote-batch')!, { sampleIds });
  onTab = (tab) => {
    if (tab === 'quote') quotePanel?.redraw();
  };

  const c = net.counts;
  mapEl.dataset.cities = String(c.cities);
  mapEl.dataset.hubs = String(c.hubs);
  mapEl.dataset.lanes = String(c.lanes);
  statusEl.textContent = `${c.cities} cities · ${c.hubs} hubs · ${c.lanes} lanes`;
  document.body.dataset.state = 'ready';
}

start().catch((e: unknown) => {
  console.error(e);
  document.body.dataset.state = 'error';
});
