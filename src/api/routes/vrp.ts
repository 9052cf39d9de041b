import type { FastifyPluginAsync } from 'fastify';
import { ThreadJobRunner, type JobSnapshot } from '../../jobs/index.js';
import type { RoadNetwork } from '../../roads/index.js';
import { InputError, NotFoundError } from '../../shared/errors.js';
import { buildVrp, checkSolvable, evaluateVrp, jobInputOf, resultOf, type BuiltVrp, type RawPlan, type VrpRequest, type VrpResult } from '../../vrp-service/index.js';
import { getSample, listSamples, type VrpSample } from '../../vrp-service/samples.js';
import { problemResponses } from '../schemas/common.js';
import {
  VrpEvaluateSchema,
  VrpJobAcceptedSchema,
  VrpJobParamsSchema,
  VrpJobSchema,
  VrpRequestSchema,
  VrpResultSchema,
  VrpSampleListSchema,
  VrpSampleParamsSchema,
  VrpSampleSchema,
  type VrpEvaluateBody,
  type VrpSampleParams,
  type VrpJobParams,
  type VrpRequestBody,
} from '../schemas/vrp.js';

/** Job kind of a VRP solve. */
export const VRP_JOB_KIND = 'vrp';
/** Limits of the synchronous POST /api/vrp; larger problems go to /api/vrp/jobs. */
export const VRP_SYNC_LIMITS = { stops: 200, seconds: 10 };
/** Jobs remembered (to assemble their answers). */
const MAX_REMEMBERED = 200;

export interface VrpRoutesOptions {
  /** Prepared road graphs (travel along the streets when every point lies in one). */
  graphs?: readonly RoadNetwork[];
  /** A shared job runner; without one the plugin starts its own on first use and closes it with the app. */
  jobs?: ThreadJobRunner;
}

/** POST /api/vrp, /api/vrp/jobs (+ GET/DELETE /api/vrp/jobs/:id) and /api/vrp/evaluate: vehicle routing. */
const vrp: FastifyPluginAsync<VrpRoutesOptions> = async (app, opts) => {
  const graphs = opts.graphs ?? [];
  let runner = opts.jobs;
  let ownRunner = false;
  const built = new Map<string, BuiltVrp>(); // job id → built problem
  const jobs = (): ThreadJobRunner => {
    if (!runner) {
      runner = new ThreadJobRunner();
      ownRunner = true;
    }
    if (!runner.kinds().includes(VRP_JOB_KIND)) {
      runner.register(VRP_JOB_KIND, { module: new URL('../../vrp-service/job.js', import.meta.url), exportName: 'vrpJob' });
    }
    return runner;
  };
  app.addHook('onClose', async () => {
    if (ownRunner) await runner?.close();
  });

  const unknown = (id: string) => new NotFoundError(`no vrp job with id ${id} (unknown or expired)`, 'id');
  const answers = new Map<string, VrpResult>(); // the last few finished jobs' answers
  const view = (s: JobSnapshot) => {
    const { kind: _kind, result, ...rest } = s;
    const b = built.get(s.id);
    if (!result || !b) return rest;
    let answer = answers.get(s.id);
    if (!answer) {
      answer = resultOf(b, result as RawPlan);
      answers.set(s.id, answer);
      while (answers.size > 8) answers.delete(answers.keys().next().value as string);
    }
    return { ...rest, result: answer };
  };
  const snapshotOf = async (id: string): Promise<JobSnapshot> => {
    if (!built.has(id) || !runner) throw unknown(id);
    try {
      return await runner.get(id);
    } catch (e) {
      if (e instanceof NotFoundError) {
        built.delete(id);
        throw unknown(id);
      }
      throw e;
    }
  };

  app.post<{ Body: VrpRequestBody }>(
    '/vrp',
    {
      schema: {
        tags: ['vrp'],
        summary: 'Plans vehicle routes (synchronous, small problems): steps with times and loads, costs, unassigned stops with reasons, GeoJSON, KPIs',
        description: `At most ${VRP_SYNC_LIMITS.stops} stops and options.seconds <= ${VRP_SYNC_LIMITS.seconds} (default 2); larger solves: POST /api/vrp/jobs.`,
        body: VrpRequestSchema,
        response: { 200: VrpResultSchema, ...problemResponses },
      },
    },
    async (req) => {
      const body = req.body as VrpRequest;
      if (body.stops.length > VRP_SYNC_LIMITS.stops) throw new InputError(`stops: at most ${VRP_SYNC_LIMITS.stops} stops here; use POST /api/vrp/jobs`, 'stops');
      const s = body.options?.seconds;
      if (s !== undefined && s > VRP_SYNC_LIMITS.seconds) throw new InputError(`options.seconds: at most ${VRP_SYNC_LIMITS.seconds} here; use POST /api/vrp/jobs`, 'options.seconds');
      const b = buildVrp(body, graphs);
      checkSolvable(b);
      const input = jobInputOf(b, body);
      // an iteration limit alone could run long: cap it by the time limit as well
      if (input.seconds === undefined) input.seconds = VRP_SYNC_LIMITS.seconds;
      // solved in a worker thread so that the server stays responsive meanwhile
      const r = jobs();
      const jobId = await r.submit(VRP_JOB_KIND, input);
      return resultOf(b, (await r.result(jobId)) as RawPlan);
    },
  );

  app.post<{ Body: VrpRequestBody }>(
    '/vrp/jobs',
    {
      schema: {
        tags: ['vrp'],
        summary: 'Submits a solve as a job (worker thread): 202 with the status URL; poll it for progress (best cost so far) and the result',
        body: VrpRequestSchema,
        response: { 202: VrpJobAcceptedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const body = req.body as VrpRequest;
      const b = buildVrp(body, graphs);
      checkSolvable(b);
      const r = jobs();
      const jobId = await r.submit(VRP_JOB_KIND, jobInputOf(b, body));
      built.set(jobId, b);
      while (built.size > MAX_REMEMBERED) built.delete(built.keys().next().value as string);
      const s = await r.get(jobId);
      const statusUrl = `/api/vrp/jobs/${jobId}`;
      return reply.code(202).header('location', statusUrl).send({ jobId, status: s.status, statusUrl });
    },
  );

  app.get<{ Params: VrpJobParams }>(
    '/vrp/jobs/:id',
    {
      schema: {
        tags: ['vrp'],
        summary: 'A vrp job: status, progress (best cost so far) and, when done, the plan',
        params: VrpJobParamsSchema,
        response: { 200: VrpJobSchema, ...problemResponses },
      },
    },
    async (req) => view(await snapshotOf(req.params.id)),
  );

  app.delete<{ Params: VrpJobParams }>(
    '/vrp/jobs/:id',
    {
      schema: {
        tags: ['vrp'],
        summary: 'Cancels a vrp job; the answer holds the best plan found so far, if any (result.solver.cancelled)',
        params: VrpJobParamsSchema,
        response: { 200: VrpJobSchema, ...problemResponses },
      },
    },
    async (req) => {
      await snapshotOf(req.params.id);
      return view(await runner!.cancel(req.params.id));
    },
  );

  let samples: VrpSample[] | null = null; // generated once (deterministic)
  const allSamples = (): VrpSample[] => (samples ??= listSamples(graphs));

  app.get(
    '/vrp/samples',
    {
      schema: {
        tags: ['vrp'],
        summary: 'The SYNTHETIC sample scenarios (made-up stations, stops and fleets) of the Operations view',
        response: { 200: VrpSampleListSchema, ...problemResponses },
      },
    },
    async () => ({ samples: allSamples().map(({ request: _r, stopsCsv: _c, ...info }) => info) }),
  );

  app.get<{ Params: VrpSampleParams }>(
    '/vrp/samples/:name',
    {
      schema: {
        tags: ['vrp'],
        summary: 'One SYNTHETIC sample scenario: a ready request (POST it to /api/vrp or /api/vrp/jobs) and its stops as CSV',
        params: VrpSampleParamsSchema,
        response: { 200: VrpSampleSchema, ...problemResponses },
      },
    },
    async (req) => {
      const s = allSamples().find((x) => x.name === req.params.name);
      return s ?? getSample(req.params.name, graphs);
    },
  );

  app.post<{ Body: VrpEvaluateBody }>(
    '/vrp/evaluate',
    {
      schema: {
        tags: ['vrp'],
        summary: 'Evaluates a given plan without optimising: the same answer plus every violation (late, overload, skill, shift, …)',
        body: VrpEvaluateSchema,
        response: { 200: VrpResultSchema, ...problemResponses },
      },
    },
    async (req) => evaluateVrp(req.body.problem as VrpRequest, req.body.routes, graphs),
  );
};

export default vrp;
