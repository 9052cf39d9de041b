import type { FastifyPluginAsync } from 'fastify';
import { ThreadJobRunner, type JobSnapshot } from '../../jobs/index.js';
import type { Network } from '../../network/index.js';
import { assembleForecast, computeSeries, missingSeries, rememberSeries, type CitySeries, type DemandForecast } from '../../pipeline/demand-forecast.js';
import { demandCitiesOf, resolveForecastRequest, type ResolvedForecastRequest } from '../../pipeline/forecast-request.js';
import { NotFoundError } from '../../shared/errors.js';
import { problemResponses } from '../schemas/common.js';
import {
  DemandForecastSchema,
  ForecastJobAcceptedSchema,
  ForecastJobParamsSchema,
  ForecastJobSchema,
  ForecastRequestSchema,
  type ForecastJobParams,
  type ForecastRequestBody,
} from '../schemas/forecasts.js';

/** Job kind of the demand forecast. */
export const FORECAST_JOB_KIND = 'demand-forecast';
/** A request with more uncached series than this (2 per city) runs as a job (202); fewer are answered at once. */
export const FORECAST_SYNC_SERIES_LIMIT = 12;
/** Job requests remembered (to assemble results and to join identical requests). */
const MAX_REMEMBERED = 500;

export interface ForecastRoutesOptions {
  network: Network;
  /** A shared job runner; without one the plugin starts its own on first use and closes it with the app. */
  jobs?: ThreadJobRunner;
  /** Overrides FORECAST_SYNC_SERIES_LIMIT (tests). */
  syncSeriesLimit?: number;
}

/** POST /api/forecasts and /api/forecasts/jobs/:id: SYNTHETIC parcel demand per city, forecast with intervals and backtest error. */
const forecasts: FastifyPluginAsync<ForecastRoutesOptions> = async (app, opts) => {
  const cities = demandCitiesOf(opts.network);
  const limit = opts.syncSeriesLimit ?? FORECAST_SYNC_SERIES_LIMIT;
  let runner = opts.jobs;
  let ownRunner = false;
  const requests = new Map<string, ResolvedForecastRequest>(); // job id → request
  const inflight = new Map<string, string>(); // request key → job id

  const jobs = (): ThreadJobRunner => {
    if (!runner) {
      runner = new ThreadJobRunner();
      ownRunner = true;
    }
    if (!runner.kinds().includes(FORECAST_JOB_KIND)) {
      runner.register(FORECAST_JOB_KIND, { module: new URL('../../pipeline/demand-forecast-job.js', import.meta.url), exportName: 'demandForecastJob' });
    }
    return runner;
  };
  app.addHook('onClose', async () => {
    if (ownRunner) await runner?.close();
  });

  const snapshotOf = async (id: string): Promise<JobSnapshot> => {
    const r = requests.get(id);
    if (!r || !runner) throw new NotFoundError(`no forecast job with id ${id} (unknown or expired)`, 'id');
    try {
      return await runner.get(id);
    } catch (e) {
      if (e instanceof NotFoundError) {
        requests.delete(id);
        throw new NotFoundError(`no forecast job with id ${id} (unknown or expired)`, 'id');
      }
      throw e;
    }
  };
  const assembled = new Map<string, DemandForecast>(); // the last few finished jobs' answers
  const view = (s: JobSnapshot) => {
    const { kind: _kind, result, ...rest } = s;
    if (s.status !== 'done' || !result) return rest;
    let answer = assembled.get(s.id);
    if (!answer) {
      answer = assembleForecast(cities, requests.get(s.id)!, result as Record<string, CitySeries>);
      assembled.set(s.id, answer);
      while (assembled.size > 4) assembled.delete(assembled.keys().next().value as string);
    }
    return { ...rest, result: answer };
  };

  app.post<{ Body: ForecastRequestBody }>(
    '/forecasts',
    {
      schema: {
        tags: ['forecasts'],
        summary: 'SYNTHETIC parcel demand per city: history tail, forecast with intervals, model and backtest error; provincial and national totals that add up',
        description: `At most ${limit} series to compute (2 per city; cached series are free) are answered at once (200); more run as a job (202, poll statusUrl).`,
        body: ForecastRequestSchema,
        response: { 200: DemandForecastSchema, 202: ForecastJobAcceptedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const r = resolveForecastRequest(opts.network, req.body);
      const missing = missingSeries(cities, r);
      if (missing <= limit) return assembleForecast(cities, r, await computeSeries(cities, r));
      const key = JSON.stringify(r);
      let jobId = inflight.get(key);
      if (!jobId) {
        const runner = jobs();
        jobId = await runner.submit(FORECAST_JOB_KIND, { cities, request: r });
        const id = jobId;
        requests.set(id, r);
        while (requests.size > MAX_REMEMBERED) requests.delete(requests.keys().next().value as string);
        inflight.set(key, id);
        runner
          .result(id)
          .then((series) => rememberSeries(cities, r, series as Record<string, CitySeries>))
          .catch(() => undefined)
          .finally(() => inflight.delete(key));
      }
      const s = await runner!.get(jobId);
      const statusUrl = `/api/forecasts/jobs/${jobId}`;
      return reply.code(202).header('location', statusUrl).send({ jobId, status: s.status, statusUrl, series: missing });
    },
  );

  app.get<{ Params: ForecastJobParams }>(
    '/forecasts/jobs/:id',
    {
      schema: {
        tags: ['forecasts'],
        summary: 'A forecast job: status, progress (fraction of series done) and, when done, the forecast',
        params: ForecastJobParamsSchema,
        response: { 200: ForecastJobSchema, ...problemResponses },
      },
    },
    async (req) => view(await snapshotOf(req.params.id)),
  );

  app.delete<{ Params: ForecastJobParams }>(
    '/forecasts/jobs/:id',
    {
      schema: {
        tags: ['forecasts'],
        summary: 'Cancels a forecast job',
        params: ForecastJobParamsSchema,
        response: { 200: ForecastJobSchema, ...problemResponses },
      },
    },
    async (req) => {
      await snapshotOf(req.params.id);
      return view(await runner!.cancel(req.params.id));
    },
  );
};

export default forecasts;
