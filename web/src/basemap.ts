// The basemap without tiles: the world's countries (Natural Earth via world-atlas, bundled) as a
// light land layer on a sea-blue background, and China's provinces from the API over it.
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import countriesTopo from 'world-atlas/countries-50m.json' with { type: 'json' };
import { unwrapRing } from './antimeridian.js';
import { esc } from './format.js';
import type { ProvinceCollection } from './types.js';

/** Attribution shown in the map corner for the basemap and place data. */
export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a>; ' +
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0)';

/** Creates the panes the basemap draws into (below the network). */
export function createBasemapPanes(map: L.Map): void {
  map.createPane('countries').style.zIndex = '200';
  map.createPane('provinces').style.zIndex = '250';
}

function unwrapGeometry(g: Geometry | null): Geometry | null {
  if (!g) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

/** The world's countries as one non-interactive canvas layer. */
export function countriesLayer(): L.GeoJSON {
  const topo = countriesTopo as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const raw = feature(topo, topo.objects.countries) as FeatureCollection;
  const countries: FeatureCollection = {
    type: 'FeatureCollection',
    features: raw.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) as Geometry })),
  };
  const options: L.GeoJSONOptions & L.PathOptions = {
    pane: 'countries',
    renderer: L.canvas({ pane: 'countries', padding: 0.3 }),
    interactive: false,
    style: (f) => ({
      stroke: true,
      color: '#b9c2b4',
      weight: 0.6,
      fillColor: f?.properties?.name === 'China' ? '#fbfaf5' : '#eeeee6',
      fillOpacity: 1,
    }),
  };
  return L.geoJSON(countries, options);
}

/** China's provinces with thin borders and a sticky tooltip naming each (English and Chinese). */
export function provincesLayer(provinces: ProvinceCollection): L.GeoJSON {
  const options: L.GeoJSONOptions & L.PathOptions = {
    pane: 'provinces',
    renderer: L.canvas({ pane: 'provinces', padding: 0.3 }),
    style: () => ({ color: '#a3aab5', weight: 0.8, fillColor: '#fbfaf5', fillOpacity: 0.85, className: 'hf-province' }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      const zh = p.nameZh ? ` <span class="zh">${esc(p.nameZh)}</span>` : '';
      layer.bindTooltip(`${esc(p.name)}${zh}`, { sticky: true, className: 'hf-province-tip', direction: 'top', offset: [0, -6] });
      layer.on('mouseover', () => (layer as L.Path).setStyle({ fillColor: '#f3efe0' }));
      layer.on('mouseout', () => (layer as L.Path).setStyle({ fillColor: '#fbfaf5' }));
    },
  };
  return L.geoJSON(provinces, options);
}
