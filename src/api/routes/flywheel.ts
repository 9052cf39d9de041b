import type { FastifyPluginAsync } from 'fastify';
import type { JobSnapshot } from '../../jobs/index.js';
import { laneId, type Network } from '../../network/index.js';
import { resolveFlywheelRequest } from '../../pipeline/analysis-request.js';
import { FLYWHEEL_JOB_KIND, type AnalysisRuntime } from '../../pipeline/analysis-runtime.js';
import type { FlywheelJobInput } from '../../pipeline/flywheel-job.js';
import type { FlywheelRequest } from '../../pipeline/analysis-request.js';
import { checkHubParams, resolveParams, type SavingsParams } from '../../savings/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { problemResponses } from '../schemas/common.js';
import { FlywheelAcceptedSchema, FlywheelJobSchema, FlywheelRequestSchema, JobParamsSchema, type FlywheelRequestBody, type JobParams } from '../schemas/flywheel.js';

export interface FlywheelRoutesOptions {
  network: Network;
  analysis: AnalysisRuntime;
}

/** Most job requests remembered per runtime (oldest forgotten first). */
const REMEMBERED = 500;
const jobRequests = new WeakMap<AnalysisRuntime, Map<string, string>>();

/** Stable text of a checked flywheel request (object keys sorted), to tell whether two requests are the same. */
export function requestKey(r: FlywheelRequest): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x !== null && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries(x as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, norm(v)]),
      );
    }
    return x;
  };
  return JSON.stringify(norm({ periods: r.periods, seeds: r.seeds, params: r.params, switches: r.switches }));
}

/** The request key of a flywheel job started by POST /api/flywheel on this runtime, if remembered. */
export function jobRequestKey(analysis: AnalysisRuntime, jobId: string): string | undefined {
  return jobRequests.get(analysis)?.get(jobId);
}

function rememberJob(analysis: AnalysisRuntime, jobId: string, r: FlywheelRequest): void {
  let m = jobRequests.get(analysis);
  if (!m) jobRequests.set(analysis, (m = new Map()));
  m.set(jobId, requestKey(r));
  while (m.size > REMEMBERED) m.delete(m.keys().next().value as string);
}

/** Checks closed hubs and lanes against the network (400 naming `<prefix>params.closedHubs.<i>` / `closedLanes.<i>` before any job starts). */
export function checkHubs(network: Network, params: Partial<SavingsParams>, prefix = ''): void {
  checkHubParams(network.data.hubs.map((h) => h.id), resolveParams(params), prefix, network.data.lanes.map(laneId));
}

/** A job snapshot as the API shows it (no kind). */
export function jobView(s: JobSnapshot): Omit<JobSnapshot, 'kind'> {
  const { kind: _kind, ...rest } = s;
  return rest;
}

/**
 * POST /api/flywheel (202, a job), GET and DELETE /api/flywheel/jobs/:id:
 * the flywheel over many weeks with progress per period and cancel.
 */
const flywheel: FastifyPluginAsync<FlywheelRoutesOptions> = async (app, opts) => {
  const snapshotOf = async (id: string): Promise<JobSnapshot> => {
    const missing = () => new NotFoundError(`no flywheel job with id ${id} (unknown or expired)`, 'id');
    let s: JobSnapshot;
    try {
      s = await opts.analysis.jobs().get(id);
    } catch (e) {
      if (e instanceof NotFoundError) throw missing();
      throw e;
    }
    if (s.kind !== FLYWHEEL_JOB_KIND) throw missing();
    return s;
  };

  app.post<{ Body: FlywheelRequestBody }>(
    '/flywheel',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Starts a flywheel run (a job): per week, baseline against optimised on SYNTHETIC demand, price, merchants, forecast error; attribution and bands over seeds',
        description: 'The 52-week run on the default network takes about 35 CPU seconds; poll statusUrl for progress and the report.',
        body: FlywheelRequestSchema,
        response: { 202: FlywheelAcceptedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { seed: _seed, ...request } = resolveFlywheelRequest(req.body, opts.network);
      checkHubs(opts.network, request.params);
      const jobs = opts.analysis.jobs();
      const input: FlywheelJobInput = { dataDir: opts.analysis.dataDir, request };
      const jobId = await jobs.submit(FLYWHEEL_JOB_KIND, input);
      rememberJob(opts.analysis, jobId, request);
      const s = await jobs.get(jobId);
      const statusUrl = `/api/flywheel/jobs/${jobId}`;
      return reply.code(202).header('location', statusUrl).send({ jobId, status: s.status, statusUrl });
    },
  );

  app.get<{ Params: JobParams }>(
    '/flywheel/jobs/:id',
    {
      schema: {
        tags: ['analysis'],
        summary: 'A flywheel job: status, progress (fraction of periods done) and, when done, the report with periods, attribution, assumptions, bands and kpis',
        params: JobParamsSchema,
        response: { 200: FlywheelJobSchema, ...problemResponses },
      },
    },
    async (req) => jobView(await snapshotOf(req.params.id)),
  );

  app.delete<{ Params: JobParams }>(
    '/flywheel/jobs/:id',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Cancels a flywheel job (answers once it has stopped)',
        params: JobParamsSchema,
        response: { 200: FlywheelJobSchema, ...problemResponses },
      },
    },
    async (req) => {
      await snapshotOf(req.params.id);
      return jobView(await opts.analysis.jobs().cancel(req.params.id));
    },
  );
};

export default flywheel;
