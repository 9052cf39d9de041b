// The Streets view on the map: the road graph's extent as a light rectangle with its streets drawn from the graph (there are no street
// tiles offline), the route along the streets over a white casing, the snapped start and end (A/B,
// draggable), the points as clicked with a dashed line to where they were snapped, and the road
// data's attribution in the map's attribution control while the view is open.
import L from 'leaflet';
import { fetchRoadStreets } from './api.js';
import { esc } from './format.js';
import { attributionSlot } from './map-attribution.js';
import { attributionHtml, graphTitle } from './streets-logic.js';
import type { LonLat, RoadGraphInfo, RoadRouteResult } from './streets-types.js';

/** The Streets drawing. */
export interface StreetsLayer {
  /** Draws the graph's extent (replacing any other) and returns its bounds. */
  setGraph(g: RoadGraphInfo): L.LatLngBounds;
  /** Shows the graph's attribution in the map (the view is open) or takes it away. */
  setActive(active: boolean): void;
  /** Marks the points as given, before (or without) a route. */
  showPoints(from: LonLat | null, to: LonLat | null): void;
  /** Draws a found route from `from` to `to` (the points as given); returns its bounds. */
  showRoute(r: Extract<RoadRouteResult, { found: true }>, from: LonLat, to: LonLat): L.LatLngBounds;
  /** Removes the route and the points (the extent stays). */
  clear(): void;
}

/** Callbacks of the layer. */
export interface StreetsLayerOptions {
  /** A/B marker dragged to a new point. */
  onDrag(end: 'from' | 'to', p: LonLat): void;
}

const ROUTE_COLOR = '#1f3a5f';

/** Creates the panes the Streets view draws into. */
export function createStreetsPanes(map: L.Map): void {
  map.createPane('streets-extent').style.zIndex = '300';
  map.createPane('streets-route').style.zIndex = '450';
  map.createPane('streets-ends').style.zIndex = '470';
}

const ll = (p: LonLat): L.LatLngTuple => [p[1], p[0]];

/** Creates the layer. */
export function createStreetsLayer(map: L.Map, o: StreetsLayerOptions): StreetsLayer {
  const extent = L.layerGroup().addTo(map);
  const route = L.layerGroup().addTo(map);
  const ends = L.layerGroup().addTo(map);
  const container = map.getContainer();
  let graph: RoadGraphInfo | null = null;
  const setAttribution = attributionSlot(map);
  let active = false;

  const syncAttribution = () => setAttribution(active && graph ? attributionHtml(graph) : null);

  const endMarker = (p: LonLat, letter: string, cls: string, testid: string, end: 'from' | 'to') => {
    const icon = L.divIcon({ className: `hf-end ${cls}`, html: `<span>${letter}</span>`, iconSize: [24, 24], iconAnchor: [12, 12] });
    const m = L.marker(ll(p), { pane: 'streets-ends', icon, draggable: true, keyboard: false, title: `${letter}: drag to move`, autoPan: true });
    m.on('dragend', () => {
      const at = m.getLatLng();
      o.onDrag(end, [at.lng, at.lat]);
    });
    m.addTo(ends);
    const el = m.getElement();
    if (el) el.dataset.testid = testid;
  };
  const clickedDot = (p: LonLat) =>
    L.circleMarker(ll(p), { pane: 'streets-route', radius: 3.5, color: '#5f6b7a', weight: 1.5, fillColor: '#fff', fillOpacity: 1, interactive: false, className: 'hf-street-clicked' }).addTo(
      route,
    );
  const snapLine = (a: LonLat, b: LonLat) =>
    L.polyline([ll(a), ll(b)], { pane: 'streets-route', color: '#5f6b7a', weight: 1.5, dashArray: '3 4', interactive: false, className: 'hf-street-snap' }).addTo(route);

  const api: StreetsLayer = {
    setGraph(g) {
      graph = g;
      extent.clearLayers();
      const [w, s, e, n] = g.extent;
      const bounds = L.latLngBounds([s, w], [n, e]);
      L.rectangle(bounds, {
        pane: 'streets-extent',
        color: '#1f3a5f',
        weight: 1.2,
        opacity: 0.55,
        dashArray: '6 5',
        fillColor: '#ffffff',
        fillOpacity: 0.6,
        interactive: false,
        className: 'hf-street-extent',
      }).addTo(extent);
      const label = L.divIcon({ className: 'hf-street-label', html: `<span>${esc(graphTitle(g.name))} road graph</span>`, iconSize: undefined, iconAnchor: [-6, -6] });
      L.marker([n, w], { pane: 'streets-extent', icon: label, interactive: false, keyboard: false, zIndexOffset: 100_000 }).addTo(extent); // above the rectangle wherever the map is panned
      container.dataset.streetsGraph = g.name;
      // The streets themselves (no tiles offline): one light canvas layer under the route.
      fetchRoadStreets(g.name)
        .then((f) => {
          if (graph !== g) return;
          L.geoJSON(f, {
            pane: 'streets-extent',
            renderer: L.canvas({ pane: 'streets-extent' }),
            interactive: false,
            style: { color: '#7b8794', weight: 1.2, opacity: 0.9 },
          } as L.GeoJSONOptions).addTo(extent);
          container.dataset.streetsDrawn = 'true';
        })
        .catch(() => undefined); // the route still works without the backdrop
      syncAttribution();
      return bounds;
    },
    setActive(on) {
      active = on;
      syncAttribution();
    },
    showPoints(from, to) {
      route.clearLayers();
      ends.clearLayers();
      delete container.dataset.streetsRoute;
      if (from) endMarker(from, 'A', 'hf-end-from', 'streets-start', 'from');
      if (to) endMarker(to, 'B', 'hf-end-to', 'streets-end', 'to');
    },
    showRoute(r, from, to) {
      api.clear();
      const latlngs = (r.geometry.coordinates as LonLat[]).map(ll);
      L.polyline(latlngs, { pane: 'streets-route', color: '#ffffff', weight: 10, opacity: 0.95, interactive: false, className: 'hf-route-casing' }).addTo(route);
      const line = L.polyline(latlngs, { pane: 'streets-route', color: ROUTE_COLOR, weight: 5.5, opacity: 1, lineJoin: 'round', interactive: false, className: 'hf-street-route' }).addTo(route);
      // Where the points were snapped to the streets: a dashed line from the point as given.
      for (const [given, snap] of [
        [from, r.from],
        [to, r.to],
      ] as const) {
        if (snap.distanceM >= 1) {
          snapLine(given, snap.location);
          clickedDot(given);
        }
      }
      endMarker(r.from.location, 'A', 'hf-end-from', 'streets-start', 'from');
      endMarker(r.to.location, 'B', 'hf-end-to', 'streets-end', 'to');
      container.dataset.streetsRoute = 'found';
      return line.getBounds().extend(ll(from)).extend(ll(to));
    },
    clear() {
      route.clearLayers();
      ends.clearLayers();
      delete container.dataset.streetsRoute;
    },
  };
  return api;
}
