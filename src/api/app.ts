import Fastify, { LogController, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../network/index.js';
import { defaultDataDir, defaultWebDir, packageRoot } from '../shared/paths.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { ProblemSchema } from './schemas/common.js';
import healthRoutes from './routes/health.js';
import networkRoutes from './routes/network.js';
import pathRoutes from './routes/paths.js';
import quoteRoutes from './routes/quotes.js';
import roadRoutes from './routes/roads.js';
import forecastRoutes from './routes/forecasts.js';
import { loadPreparedRoadGraph, type RoadNetwork } from '../roads/index.js';
import { loadTariff, QuoteEngine } from '../quote/index.js';
import { AnalysisRuntime, defaultJobWorkers } from '../pipeline/analysis-runtime.js';
import { ThreadJobRunner } from '../jobs/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    network: Network;
    quotes: QuoteEngine;
    dataDir: string;
  }
}

export interface AppOptions {
  /** Folder with cities.csv, hubs.csv, modes.csv, lanes.csv and basemap/ (default: data/, or HUBFLOW_DATA_DIR). */
  dataDir?: string;
  /** Built web UI to serve at / (default: dist/web); skipped when it does not exist. */
  webDir?: string;
  /** Fastify logger: false (default), true, or a pino options object. */
  logger?: boolean | object;
  /** Scenario store folder (default: HUBFLOW_STATE_DIR, else .hubflow/); ':memory:' keeps scenarios in memory. Opened on first use. */
  stateDir?: string;
}

/** Builds the Fastify app: API under /api, OpenAPI at /docs, the map UI at /. Never listens. */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const webDir = opts.webDir ?? defaultWebDir();
  const network = new Network(loadNetworkData(dataDir));
  const quotes = new QuoteEngine(network, loadTariff(join(dataDir, 'tariff.json')));
  const roads = loadRoadGraphs(join(dataDir, 'roads'));
  const version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

  // Below info level no request is logged, so the per-request child logger (about 10% of a quote's
  // server CPU, measured) is skipped: log lines then carry no request id.
  const level = typeof opts.logger === 'object' ? (opts.logger as { level?: string }).level : undefined;
  const quiet = level !== undefined && !['trace', 'debug', 'info'].includes(level);
  const app = Fastify({
    logger: opts.logger ?? false,
    ...(quiet ? { logController: new LogController({ disableRequestLogging: true }), childLoggerFactory: (logger) => logger } : {}),
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  app.decorate('network', network);
  app.decorate('quotes', quotes);
  app.decorate('dataDir', dataDir);
  // One pool of worker threads for every long job (forecasts, vehicle routing, flywheel, savings);
  // threads start on first use, so an app that runs no job starts none.
  const jobs = new ThreadJobRunner({ workers: defaultJobWorkers() });
  const analysis = new AnalysisRuntime({ dataDir, stateDir: opts.stateDir, jobs });
  // Closing the runner cancels running jobs; the analysis runtime then records their runs as cancelled.
  app.addHook('onClose', async () => {
    await jobs.close();
    await analysis.close();
  });
  app.setErrorHandler(errorHandler);
  app.addSchema(ProblemSchema);

  await app.register(swagger, {
    openapi: {
      info: { title: 'hubflow API', version, description: 'Logistics routing on a real-shaped Chinese parcel network. Units: metres, seconds, kg, CNY; coordinates [lon, lat].' },
      tags: [
        { name: 'network', description: 'hubs, lanes and paths' },
        { name: 'quotes', description: 'merchant prices and transit times' },
        { name: 'roads', description: 'street-level routes and travel matrices (OpenStreetMap, ODbL)' },
        { name: 'forecasts', description: 'SYNTHETIC parcel demand per city, forecast with intervals' },
        { name: 'allocation', description: 'demand allocated to hubs by linear programming, capacity prices' },
        { name: 'vrp', description: 'vehicle routes: solve, jobs, evaluate a plan' },
        { name: 'analysis', description: 'savings against a baseline, the flywheel, stored scenarios (SYNTHETIC demand)' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(
    async (api) => {
      api.setNotFoundHandler(notFoundHandler);
      await api.register(healthRoutes, { version });
      await api.register(networkRoutes, { dataDir });
      await api.register(pathRoutes);
      await api.register(quoteRoutes, { engine: quotes });
      await api.register(roadRoutes, { graphs: roads });
      await api.register(forecastRoutes, { network, jobs });
      await api.register((await import('./routes/allocations.js')).default, { jobs });
      await api.register((await import('./routes/savings.js')).default, { network, analysis });
      await api.register((await import('./routes/flywheel.js')).default, { network, analysis });
      await api.register((await import('./routes/scenarios.js')).default, { network, analysis });
      await api.register((await import('./routes/vrp.js')).default, { graphs: roads, jobs });
    },
    { prefix: '/api' },
  );

  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/' });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html').send('<p>The map UI is not built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it).</p><p>API: <a href="/docs">/docs</a></p>'),
    );
  }
  return app;
}

/** Every prepared road graph under dir (one folder each, made by `hubflow roads import`). */
function loadRoadGraphs(dir: string): RoadNetwork[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'roads.json')))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d) => loadPreparedRoadGraph(join(dir, d.name)));
}
