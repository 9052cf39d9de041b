// The Operations view on the map: each vehicle's route in its own colour (along the streets when
// the answer came from a road graph) over a white casing, numbered stop markers, the depot, stops
// not yet planned (grey) or unassigned (red ring), pickup→delivery pairs as thin dashed lines,
// the demo road graph's streets as a backdrop and its OpenStreetMap attribution while shown.
import L from 'leaflet';
import { fetchRoadStreets } from './api.js';
import { esc } from './format.js';
import { clock, routeColour, routeDash } from './ops-logic.js';
import type { LonLat, OpsRequest, OpsResult } from './ops-types.js';
import { attributionSlot } from './map-attribution.js';
import { attributionHtml } from './streets-logic.js';
import type { RoadGraphInfo } from './streets-types.js';

/** The Operations drawing. */
export interface OpsLayer {
  /** Draws the problem: depot and stops (no plan yet); returns the bounds. */
  showProblem(req: OpsRequest): L.LatLngBounds;
  /** Draws a plan over the problem; returns the bounds. */
  showPlan(req: OpsRequest, r: OpsResult): L.LatLngBounds;
  /** Shows (or hides) a road graph's streets under the routes and its attribution. */
  setStreets(g: RoadGraphInfo | null): void;
  /** The view is open (attribution shown) or not. */
  setActive(on: boolean): void;
  /** Emphasises one stop's marker (null: none). */
  highlight(id: string | null): void;
  /** Pans the map to a stop's marker when it is out of view. */
  reveal(id: string): void;
}

/** Callbacks of the layer. */
export interface OpsLayerOptions {
  /** A stop marker was clicked. */
  onStop(id: string): void;
}

/** Creates the panes the Operations view draws into (once, when the view is made). */
function createPanes(map: L.Map): void {
  if (map.getPane('ops-streets')) return;
  map.createPane('ops-streets').style.zIndex = '300';
  map.createPane('ops-routes').style.zIndex = '450';
  map.createPane('ops-pairs').style.zIndex = '455';
  map.createPane('ops-stops').style.zIndex = '620';
}

const ll = (p: LonLat): L.LatLngTuple => [p[1], p[0]];

/** Creates the layer. */
export function createOpsLayer(map: L.Map, o: OpsLayerOptions): OpsLayer {
  createPanes(map);
  const streets = L.layerGroup().addTo(map);
  const routes = L.layerGroup().addTo(map);
  const stops = L.layerGroup().addTo(map);
  const container = map.getContainer();
  const markers = new Map<string, L.Marker>();
  let graph: RoadGraphInfo | null = null;
  const setAttribution = attributionSlot(map);
  let active = false;
  let highlighted: string | null = null;

  const syncAttribution = () => setAttribution(active && graph ? attributionHtml(graph) : null);

  const depotMarker = (p: LonLat) => {
    const icon = L.divIcon({ className: 'ops-depot', html: '<span>D</span>', iconSize: [26, 26], iconAnchor: [13, 13] });
    const m = L.marker(ll(p), { pane: 'ops-stops', icon, keyboard: false, zIndexOffset: 10_000 }).addTo(stops);
    m.bindTooltip(`<div class="tt-title">Depot</div><div class="tt-dim">${p[0].toFixed(5)}, ${p[1].toFixed(5)}</div>`, { className: 'hf-tip', direction: 'top', offset: [0, -12] });
    m.getElement()?.setAttribute('data-testid', 'ops-depot-marker');
  };

  const stopMarker = (id: string, p: LonLat, html: string, cls: string, colour: string | null, tip: string) => {
    const icon = L.divIcon({ className: `ops-stop ${cls}`, html: `<span${colour ? ` style="--c:${colour}"` : ''}>${html}</span>`, iconSize: [22, 22], iconAnchor: [11, 11] });
    const m = L.marker(ll(p), { pane: 'ops-stops', icon, keyboard: false }).addTo(stops);
    m.bindTooltip(tip, { className: 'hf-tip', direction: 'top', offset: [0, -10] });
    m.on('click', () => o.onStop(id));
    const el = m.getElement();
    if (el) el.dataset.stop = id;
    markers.set(id, m);
  };

  const reset = () => {
    routes.clearLayers();
    stops.clearLayers();
    markers.clear();
    highlighted = null;
  };

  const api: OpsLayer = {
    showProblem(req) {
      reset();
      const b = L.latLngBounds([ll(req.depot)]);
      for (const s of req.stops) {
        const tw = s.timeWindows?.[0];
        const tip = `<div class="tt-title">${esc(s.id)}</div><div class="tt-dim">${s.demand?.kg ?? 0} kg${tw ? ` · window ${clock(tw[0])}–${clock(tw[1])}` : ''}</div>`;
        stopMarker(s.id, s.location, '', 'ops-stop-open', null, tip);
        b.extend(ll(s.location));
      }
      depotMarker(req.depot);
      container.dataset.opsRoutes = '0';
      return b;
    },
    showPlan(req, r) {
      reset();
      const b = L.latLngBounds([ll(req.depot)]);
      const loc = new Map(req.stops.map((s) => [s.id, s.location]));
      for (const f of r.geojson.features) {
        if (f.properties.kind !== 'route' || f.geometry.type !== 'LineString') continue;
        const v = String(f.properties.vehicle);
        const pts = f.geometry.coordinates.map(ll);
        L.polyline(pts, { pane: 'ops-routes', color: '#ffffff', weight: 8, opacity: 0.9, interactive: false }).addTo(routes);
        const line = L.polyline(pts, { pane: 'ops-routes', color: routeColour(v), weight: 4.5, opacity: 1, lineJoin: 'round', dashArray: routeDash(v), className: 'ops-route' }).addTo(routes);
        line.getElement()?.setAttribute('data-vehicle', v);
        line.bindTooltip(`<div class="tt-title">${esc(v)}</div>`, { className: 'hf-tip', sticky: true });
        b.extend(line.getBounds());
      }
      // pickup → delivery pairs: thin dashed lines in the route's colour
      for (const p of req.pairs ?? []) {
        const a = loc.get(p.pickup);
        const d = loc.get(p.delivery);
        if (!a || !d) continue;
        const v = r.routes.find((x) => x.steps.some((s) => s.id === p.pickup))?.vehicle;
        L.polyline([ll(a), ll(d)], { pane: 'ops-pairs', color: v ? routeColour(v) : '#5f6b7a', weight: 1.5, dashArray: '2 5', opacity: 0.9, interactive: false, className: 'ops-pair' }).addTo(routes);
      }
      const served = new Set<string>();
      const pairRole = new Map<string, string>();
      for (const p of req.pairs ?? []) pairRole.set(p.pickup, 'pickup').set(p.delivery, 'delivery');
      for (const route of r.routes) {
        const colour = routeColour(route.vehicle);
        let seq = 0;
        for (const s of route.steps) {
          if (s.type !== 'stop' || !s.id || !s.location) continue;
          seq++;
          served.add(s.id);
          const w = s.timeWindow ? ` · window ${clock(s.timeWindow[0])}–${clock(s.timeWindow[1])}` : '';
          const role = pairRole.get(s.id);
          const tip =
            `<div class="tt-title">${esc(s.id)} · ${esc(route.vehicle)} #${seq}</div>` +
            `<div>arrives ${clock(s.arrivalS)}, starts ${clock(s.serviceStartS ?? s.arrivalS)}${w}</div>` +
            `<div class="tt-dim">load after ${s.load.join(' / ')}${role ? ` · ${role}` : ''}${s.late ? ' · <b>late</b>' : ''}</div>`;
          stopMarker(s.id, s.location, String(seq), `ops-stop-seq${s.late ? ' ops-stop-late' : ''}`, colour, tip);
          b.extend(ll(s.location));
        }
      }
      for (const s of req.stops) {
        if (served.has(s.id)) continue;
        const reason = r.unassigned.find((u) => u.id === s.id)?.reason ?? 'not planned';
        stopMarker(s.id, s.location, '×', 'ops-stop-unassigned', null, `<div class="tt-title">${esc(s.id)}</div><div class="tt-dim">unassigned: ${esc(reason)}</div>`);
        b.extend(ll(s.location));
      }
      depotMarker(req.depot);
      container.dataset.opsRoutes = String(r.routes.length);
      return b;
    },
    setStreets(g) {
      if (graph?.name === g?.name) return;
      graph = g;
      streets.clearLayers();
      delete container.dataset.opsStreets;
      syncAttribution();
      if (!g) return;
      fetchRoadStreets(g.name)
        .then((f) => {
          if (graph !== g) return;
          L.geoJSON(f, { pane: 'ops-streets', renderer: L.canvas({ pane: 'ops-streets' }), interactive: false, style: { color: '#9aa5b1', weight: 1, opacity: 0.9 } } as L.GeoJSONOptions).addTo(streets);
          container.dataset.opsStreets = g.name;
        })
        .catch(() => undefined); // the routes still show without the backdrop
    },
    setActive(on) {
      active = on;
      syncAttribution();
    },
    reveal(id) {
      const m = markers.get(id);
      if (m && !map.getBounds().pad(-0.05).contains(m.getLatLng())) map.panTo(m.getLatLng());
    },
    highlight(id) {
      if (highlighted) markers.get(highlighted)?.getElement()?.classList.remove('ops-stop-hl');
      highlighted = id;
      if (id) markers.get(id)?.getElement()?.classList.add('ops-stop-hl');
    },
  };
  return api;
}
