import type { FastifyPluginAsync } from 'fastify';
import { matrix, MATRIX_MAX_POINTS, route, streetsGeometry, type LonLat, type RoadNetwork } from '../../roads/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { problemResponses } from '../schemas/common.js';
import { RoadMatrixRequestSchema, RoadRouteRequestSchema, type RoadMatrixRequest, type RoadRouteRequest } from '../schemas/roads.js';

/** Street-level routes and travel matrices on the prepared road graphs in data/roads/. */
const roads: FastifyPluginAsync<{ graphs: RoadNetwork[] }> = async (app, { graphs }) => {
  const pick = (name: string | undefined): RoadNetwork => {
    const g = name === undefined ? graphs[0] : graphs.find((x) => x.info.name === name);
    if (!g) throw new NotFoundError(name === undefined ? 'no road graph is loaded (hubflow roads import FILE.osm.pbf)' : `no road graph called "${name}"`, 'graph');
    return g;
  };

  app.get('/roads', { schema: { tags: ['roads'], summary: 'The road graphs loaded: name, extent [minLon, minLat, maxLon, maxLat], size, attribution' } }, async () => ({
    graphs: graphs.map((g) => g.info),
    matrixMaxPoints: MATRIX_MAX_POINTS,
  }));

  const streets = new Map<string, string>();
  app.get<{ Params: { name: string } }>(
    '/roads/:name/streets',
    { schema: { tags: ['roads'], summary: 'The streets of a road graph as one GeoJSON MultiLineString, for drawing', params: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } },
    async (req, reply) => {
      const net = pick(req.params.name);
      let body = streets.get(net.info.name);
      if (!body) {
        if (net.info.projected) throw new NotFoundError(`the road graph ${net.info.name} has projected coordinates, not [lon, lat]`, 'name');
        body = JSON.stringify({ type: 'Feature', properties: { graph: net.info.name, attribution: net.info.attribution }, geometry: streetsGeometry(net.graph) });
        streets.set(net.info.name, body);
      }
      reply.type('application/geo+json').send(body);
    },
  );

  app.post<{ Body: RoadRouteRequest }>(
    '/roads/route',
    { schema: { tags: ['roads'], summary: 'Fastest or shortest street route between two coordinates', body: RoadRouteRequestSchema, response: problemResponses } },
    async (req) => {
      const net = pick(req.body.graph);
      const r = route(net, req.body.from as LonLat, req.body.to as LonLat, { weight: req.body.weight });
      if (!r) return { found: false, reason: 'the two points are not connected by car-routable streets', graph: net.info.name, attribution: net.info.attribution };
      return { found: true, graph: net.info.name, attribution: net.info.attribution, ...r };
    },
  );

  app.post<{ Body: RoadMatrixRequest }>(
    '/roads/matrix',
    {
      schema: {
        tags: ['roads'],
        summary: `Travel-time and distance matrix (row-major; null where unreachable), at most ${MATRIX_MAX_POINTS} points per side`,
        body: RoadMatrixRequestSchema,
        response: problemResponses,
      },
    },
    async (req) => {
      const net = pick(req.body.graph);
      const m = matrix(net, req.body.points as LonLat[], { weight: req.body.weight, targets: req.body.targets as LonLat[] | undefined });
      const finite = (a: Float64Array) => Array.from(a, (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null));
      return { graph: net.info.name, attribution: net.info.attribution, rows: m.rows, cols: m.cols, weight: m.weight, distancesM: finite(m.distancesM), durationsS: finite(m.durationsS), sources: m.sources, targets: m.targets };
    },
  );
};

export default roads;
