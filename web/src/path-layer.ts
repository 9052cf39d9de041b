// The chosen path on the map: a thick line over a white casing, each leg in its mode's colour,
// with the origin (A), destination (B) and the stops between them marked.
import L from 'leaflet';
import { esc, hours, km } from './format.js';
import { MODE_STYLE } from './modes.js';
import type { NetworkLayers } from './network-layers.js';
import { splitByLegs, type LonLat } from './leg-geometry.js';
import type { Leg, PathResult } from './types.js';

/** The path drawn on the map. */
export interface PathLayer {
  /** Draws a found path, replacing the previous one; returns its bounds. */
  show(result: Extract<PathResult, { found: true }>): L.LatLngBounds;
  /** Marks the chosen ends before (or without) a path. */
  showEnds(from: { lon: number; lat: number } | null, to: { lon: number; lat: number } | null): void;
  clear(): void;
  /** Emphasises one leg (by index), or none. */
  highlight(leg: number | null): void;
}

/** Creates the panes the path draws into (above the network). */
export function createPathPanes(map: L.Map): void {
  map.createPane('route').style.zIndex = '450';
  map.createPane('route-ends').style.zIndex = '460';
}

function endIcon(letter: string, cls: string): L.DivIcon {
  return L.divIcon({ className: `hf-end ${cls}`, html: `<span>${letter}</span>`, iconSize: [24, 24], iconAnchor: [12, 12] });
}

/** Creates the path layer for `map`, using the network's lanes for each leg's shape. */
export function createPathLayer(map: L.Map, net: NetworkLayers): PathLayer {
  const group = L.layerGroup().addTo(map);
  const ends = L.layerGroup().addTo(map);
  let legLines: L.Polyline[] = [];

  const legCoords = (legs: Leg[], geometry: LonLat[]): LonLat[][] => {
    const fromLanes = legs.map((l) => net.laneCoordinates(l.from, l.to, l.mode));
    if (fromLanes.every((c) => c !== null)) return fromLanes as LonLat[][];
    const endsAt = legs.map((l) => {
      const p = net.places.get(l.to);
      return (p ? [p.lon, p.lat] : geometry[geometry.length - 1]) as LonLat;
    });
    const split = splitByLegs(geometry, endsAt);
    return legs.map((_, i) => fromLanes[i] ?? split[i]);
  };

  const markEnd = (p: { lon: number; lat: number }, letter: string, cls: string, testid: string) => {
    const m = L.marker([p.lat, p.lon], { pane: 'route-ends', icon: endIcon(letter, cls), interactive: false, keyboard: false });
    m.addTo(ends);
    const el = m.getElement();
    if (el) el.dataset.testid = testid;
  };

  const api: PathLayer = {
    show(result) {
      api.clear();
      const coords = legCoords(result.legs, result.geometry.coordinates as LonLat[]);
      const bounds = L.latLngBounds([]);
      result.legs.forEach((leg, i) => {
        const latlngs = coords[i].map(([lon, lat]) => [lat, lon] as [number, number]);
        const s = MODE_STYLE[leg.mode];
        L.polyline(latlngs, { pane: 'route', color: '#ffffff', weight: 10, opacity: 0.95, interactive: false, className: 'hf-route-casing' }).addTo(group);
        const line = L.polyline(latlngs, {
          pane: 'route',
          color: s?.color ?? '#333',
          weight: 6,
          opacity: 1,
          dashArray: leg.mode === 'air' ? '10 8' : undefined,
          lineCap: leg.mode === 'air' ? 'butt' : 'round',
          className: `hf-route-leg hf-route-${leg.mode}`,
        });
        line.bindTooltip(
          `<div class="tt-title">${esc(leg.fromName)} – ${esc(leg.toName)}</div><div>${s?.label ?? leg.mode} · ${km(leg.distanceM)} km · ${hours(leg.durationS)} h</div>`,
          { sticky: true, className: 'hf-tip' },
        );
        line.addTo(group);
        legLines.push(line);
        bounds.extend(line.getBounds());
      });
      for (const leg of result.legs.slice(0, -1)) {
        const p = net.places.get(leg.to);
        if (p) L.circleMarker([p.lat, p.lon], { pane: 'route', radius: 4.5, color: '#1f2937', weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false, className: 'hf-route-stop' }).addTo(group);
      }
      const a = net.places.get(result.from.id);
      const b = net.places.get(result.to.id);
      api.showEnds(a ?? null, b ?? null);
      return bounds;
    },
    showEnds(from, to) {
      ends.clearLayers();
      if (from) markEnd(from, 'A', 'hf-end-from', 'route-from');
      if (to) markEnd(to, 'B', 'hf-end-to', 'route-to');
    },
    clear() {
      group.clearLayers();
      ends.clearLayers();
      legLines = [];
      map.getContainer().classList.remove('has-path');
    },
    highlight(leg) {
      legLines.forEach((l, i) => l.setStyle({ weight: i === leg ? 9 : 6, opacity: leg === null || i === leg ? 1 : 0.45 }));
    },
  };
  return api;
}
