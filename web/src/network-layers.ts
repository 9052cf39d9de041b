// The network on the map: cities as circles sized by population, hubs as squares (sort hubs)
// and diamonds (eHubs), and lanes coloured by mode, each group a layer that can be toggled.
import L from 'leaflet';
import { esc, hours, km, population } from './format.js';
import { MODE_STYLE, MODES } from './modes.js';
import type { LaneFeature, LaneProps, Mode, NetworkCollection, PlaceFeature, PlaceProps } from './types.js';

/** A place of the network with its position. */
export interface MapPlace extends PlaceProps {
  lon: number;
  lat: number;
}

/** The toggleable groups of the network and lookups the path layer needs. */
export interface NetworkLayers {
  lanes: Record<Mode, L.LayerGroup>;
  cities: L.LayerGroup;
  sortHubs: L.LayerGroup;
  ehubs: L.LayerGroup;
  places: Map<string, MapPlace>;
  /** Coordinates `[lon, lat]` of the lane between two places by one mode, oriented from `from`. */
  laneCoordinates(from: string, to: string, mode: Mode): [number, number][] | null;
  /** Counts drawn, for the page's data attributes. */
  counts: { cities: number; hubs: number; lanes: number };
}

/** Largest city radius in pixels; the area of a circle is proportional to the population. */
export const MAX_CITY_RADIUS_PX = 13;
const MIN_CITY_RADIUS_PX = 2.5;

/** Radius in pixels of a city of `pop` people when the largest has `maxPop` (sqrt scale). */
export function cityRadius(pop: number, maxPop: number): number {
  if (!(maxPop > 0) || !(pop > 0)) return MIN_CITY_RADIUS_PX;
  return Math.max(MIN_CITY_RADIUS_PX, MAX_CITY_RADIUS_PX * Math.sqrt(pop / maxPop));
}

/** Creates the panes the network draws into (above the basemap, below the path). */
export function createNetworkPanes(map: L.Map): void {
  map.createPane('lanes').style.zIndex = '400';
  map.createPane('cities').style.zIndex = '420';
  map.createPane('hubs').style.zIndex = '430';
}

function placeTooltip(p: MapPlace): string {
  const lines = [`<div class="tt-title">${esc(p.name)} <span class="zh">${esc(p.nameZh)}</span></div>`];
  if (p.kind === 'city') {
    const where = p.province ? `${esc(p.province)} · ` : '';
    lines.push(`<div>${where}${p.population ? `${population(p.population)} people` : 'city'}</div>`);
  } else {
    const kind = p.hubKind === 'ehub' ? 'eHub' : 'Sort hub';
    const cap = p.capacityTonnesPerDay ? ` · ${p.capacityTonnesPerDay.toLocaleString('en-US')} t/day` : '';
    lines.push(`<div>${kind}${p.country && p.country !== 'CN' ? ` · ${esc(p.country)}` : ''}${cap}</div>`);
    if (p.modes?.length) lines.push(`<div class="tt-dim">${p.modes.map((m) => MODE_STYLE[m]?.label ?? m).join(', ')}</div>`);
  }
  lines.push('<div class="tt-hint">Click to pick as origin or destination</div>');
  return lines.join('');
}

function laneTooltip(l: LaneProps, places: Map<string, MapPlace>): string {
  const name = (id: string) => esc(places.get(id)?.name ?? id);
  const s = MODE_STYLE[l.mode];
  return (
    `<div class="tt-title">${name(l.from)} – ${name(l.to)}</div>` +
    `<div><span class="chip" style="background:${s.color}"></span>${s.label} · ${km(l.distanceM)} km · ${hours(l.durationS)} h</div>`
  );
}

/** Builds the network layers from `GET /api/network`; `onPick(id)` runs when a place is clicked. */
export function buildNetworkLayers(network: NetworkCollection, onPick: (id: string) => void): NetworkLayers {
  const places = new Map<string, MapPlace>();
  const laneFeatures: LaneFeature[] = [];
  for (const f of network.features) {
    if (f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      places.set(f.properties.id, { ...(f as PlaceFeature).properties, lon, lat });
    } else if (f.geometry.type === 'LineString' && (f.properties as LaneProps).kind === 'lane') {
      laneFeatures.push(f as LaneFeature);
    }
  }

  const lanes = Object.fromEntries(MODES.map((m) => [m, L.layerGroup()])) as Record<Mode, L.LayerGroup>;
  const laneIndex = new Map<string, [number, number][]>();
  for (const f of laneFeatures) {
    const l = f.properties;
    const s = MODE_STYLE[l.mode];
    if (!s) continue;
    const coords = f.geometry.coordinates as [number, number][];
    laneIndex.set(`${l.from}|${l.to}|${l.mode}`, coords);
    const line = L.polyline(
      coords.map(([lon, lat]) => [lat, lon] as [number, number]),
      {
        pane: 'lanes',
        color: s.color,
        weight: s.weight,
        opacity: s.opacity,
        dashArray: s.dashArray,
        className: `hf-lane hf-lane-${l.mode}`,
      },
    );
    line.bindTooltip(() => laneTooltip(l, places), { sticky: true, className: 'hf-tip' });
    line.on('mouseover', () => line.setStyle({ weight: s.weight + 2.5, opacity: 1 }));
    line.on('mouseout', () => line.setStyle({ weight: s.weight, opacity: s.opacity }));
    line.addTo(lanes[l.mode]);
  }

  const cities = L.layerGroup();
  const sortHubs = L.layerGroup();
  const ehubs = L.layerGroup();
  const all = [...places.values()];
  const cityList = all.filter((p) => p.kind === 'city').sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const maxPop = cityList[0]?.population ?? 1;
  for (const p of cityList) {
    const m = L.circleMarker([p.lat, p.lon], {
      pane: 'cities',
      radius: cityRadius(p.population ?? 0, maxPop),
      color: '#ffffff',
      weight: 1,
      fillColor: '#3b4a5e',
      fillOpacity: 0.85,
      className: 'hf-city',
    });
    m.bindTooltip(placeTooltip(p), { direction: 'top', className: 'hf-tip', offset: [0, -4] });
    m.on('click', () => onPick(p.id));
    m.addTo(cities);
  }
  let hubCount = 0;
  for (const p of all.filter((q) => q.kind === 'hub')) {
    const ehub = p.hubKind === 'ehub';
    const icon = L.divIcon({
      className: `hf-hub ${ehub ? 'hf-hub-ehub' : 'hf-hub-sort'}`,
      html: '<span></span>',
      iconSize: ehub ? [16, 16] : [13, 13],
    });
    const m = L.marker([p.lat, p.lon], { pane: 'hubs', icon, keyboard: true, riseOnHover: true });
    m.bindTooltip(placeTooltip(p), { direction: 'top', className: 'hf-tip', offset: [0, -8] });
    m.on('click', () => onPick(p.id));
    m.addTo(ehub ? ehubs : sortHubs);
    hubCount++;
  }

  return {
    lanes,
    cities,
    sortHubs,
    ehubs,
    places,
    laneCoordinates(from, to, mode) {
      const fwd = laneIndex.get(`${from}|${to}|${mode}`);
      if (fwd) return fwd;
      const back = laneIndex.get(`${to}|${from}|${mode}`);
      return back ? [...back].reverse() : null;
    },
    counts: { cities: cityList.length, hubs: hubCount, lanes: laneFeatures.length },
  };
}
