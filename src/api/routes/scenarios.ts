import type { FastifyPluginAsync } from 'fastify';
import type { Network } from '../../network/index.js';
import { resolveFlywheelRequest, resolveSavingsRequest, withFlywheelSeed } from '../../pipeline/analysis-request.js';
import { FLYWHEEL_JOB_KIND, SAVINGS_JOB_KIND, type AnalysisRuntime } from '../../pipeline/analysis-runtime.js';
import type { FlywheelJobInput, SavingsJobInput } from '../../pipeline/flywheel-job.js';
import { InputError, NotFoundError } from '../../shared/errors.js';
import { compareScenarios, FINAL_RUN_STATUSES, type Run, type Scenario } from '../../store/index.js';
import { problemResponses } from '../schemas/common.js';
import { checkHubs, jobRequestKey, requestKey } from './flywheel.js';
import {
  CompareQuerySchema,
  ComparisonSchema,
  NewScenarioSchema,
  RunStartedSchema,
  ScenarioDetailSchema,
  ScenarioListQuerySchema,
  ScenarioListSchema,
  ScenarioParamsSchema,
  type CompareQuery,
  type NewScenarioBody,
  type ScenarioListQuery,
  type ScenarioParams,
} from '../schemas/scenarios.js';

export interface ScenarioRoutesOptions {
  network: Network;
  analysis: AnalysisRuntime;
}

/** Scenario kinds the API can run, and the job kind of each. */
export const RUNNABLE_KINDS: Record<string, string> = { flywheel: FLYWHEEL_JOB_KIND, savings: SAVINGS_JOB_KIND };

/** A run without its (possibly large) result. */
function summary(run: Run): Omit<Run, 'result'> {
  const { result: _result, ...rest } = run;
  return rest;
}

/**
 * The job that runs a scenario: its stored inputs (checked as the savings or
 * flywheel body without `seed`, errors naming `inputs.<field>`) and its seed.
 * The same inputs and seed always give the same job input, so a run repeats.
 */
export function scenarioJob(network: Network, dataDir: string, kind: string, inputs: unknown, seed: number): { jobKind: string; input: FlywheelJobInput | SavingsJobInput } {
  if (kind === 'flywheel') {
    const { seed: _ignored, ...r } = resolveFlywheelRequest(inputs, network, 'inputs.', false);
    checkHubs(network, r.params, 'inputs.');
    return { jobKind: FLYWHEEL_JOB_KIND, input: { dataDir, request: withFlywheelSeed(r, seed) } };
  }
  if (kind === 'savings') {
    const r = resolveSavingsRequest(inputs, network, 'inputs.', false);
    checkHubs(network, r.params, 'inputs.');
    return { jobKind: SAVINGS_JOB_KIND, input: { dataDir, request: { ...r, seed } } };
  }
  throw new InputError(`kind must be one of ${Object.keys(RUNNABLE_KINDS).join(', ')} (the kinds the API can run), got ${JSON.stringify(kind)}`, 'kind');
}

/**
 * GET/POST /api/scenarios, GET/DELETE /api/scenarios/:id,
 * POST /api/scenarios/:id/runs and GET /api/scenarios/compare?a=&b=:
 * named, stored inputs with their runs (jobs) and results.
 */
const scenarios: FastifyPluginAsync<ScenarioRoutesOptions> = async (app, opts) => {
  const { analysis, network } = opts;

  const startRun = async (s: Scenario): Promise<Run> => {
    const { jobKind, input } = scenarioJob(network, analysis.dataDir, s.kind, s.inputs, s.seed);
    const jobs = analysis.jobs();
    const jobId = await jobs.submit(jobKind, input);
    let run: Run;
    try {
      run = await analysis.store().createRun(s.id, { jobId });
    } catch (e) {
      await jobs.cancel(jobId).catch(() => undefined);
      throw e;
    }
    analysis.track(run.id, jobId);
    return run;
  };

  /** Runs left unfinished by a stopped server (their job is unknown here) end as 'failed'. */
  const settleStale = async (runs: Run[]): Promise<Run[]> =>
    Promise.all(
      runs.map(async (run) => {
        if (FINAL_RUN_STATUSES.includes(run.status)) return run;
        const known = run.jobId !== null && (await analysis.jobs().get(run.jobId).then(() => true, () => false));
        if (known) return run;
        return analysis.store().finishRun(run.id, { status: 'failed', error: 'interrupted: the server stopped before the run finished' }).catch(() => run);
      }),
    );

  /**
   * The report of a finished flywheel job started by POST /api/flywheel with exactly the
   * scenario's inputs and seed (so storing it is the same as running the scenario).
   */
  const finishedJobResult = async (jobId: string, kind: string, input: FlywheelJobInput | SavingsJobInput): Promise<unknown> => {
    if (kind !== 'flywheel') throw new InputError('fromJob is only for flywheel scenarios', 'fromJob');
    const recorded = jobRequestKey(analysis, jobId);
    const snap = recorded === undefined ? undefined : await analysis.jobs().get(jobId).catch(() => undefined);
    if (recorded === undefined || snap === undefined || snap.kind !== FLYWHEEL_JOB_KIND) throw new NotFoundError(`no flywheel job with id ${jobId} (unknown or expired)`, 'fromJob');
    if (recorded !== requestKey((input as FlywheelJobInput).request)) throw new InputError('fromJob ran other inputs or another seed than the scenario', 'fromJob');
    if (snap.status !== 'done' || snap.result === undefined) throw new InputError(`flywheel job ${jobId} is ${snap.status}, not done`, 'fromJob');
    return snap.result;
  };

  const started = (s: Scenario, run: Run) => ({ scenario: s, run: summary(run), scenarioId: s.id, runId: run.id, statusUrl: `/api/scenarios/${s.id}` });

  app.get<{ Querystring: ScenarioListQuery }>(
    '/scenarios',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Stored scenarios, newest first, each with its newest run',
        querystring: ScenarioListQuerySchema,
        response: { 200: ScenarioListSchema, ...problemResponses },
      },
    },
    async (req) => {
      const store = analysis.store();
      const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
      const page = await store.listScenarios({ kind: req.query.kind, limit: num(req.query.limit), offset: num(req.query.offset) });
      const items = await Promise.all(
        page.items.map(async (s) => {
          const [run] = (await store.listRuns(s.id, { limit: 1 })).items;
          return { ...s, latestRun: run ? summary(run) : null };
        }),
      );
      return { ...page, items };
    },
  );

  app.post<{ Body: NewScenarioBody }>(
    '/scenarios',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Stores a scenario (name, kind, inputs, seed) and starts its first run as a job',
        body: NewScenarioSchema,
        response: { 201: RunStartedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { name, kind, inputs, seed = 1, fromJob } = req.body;
      const { input } = scenarioJob(network, analysis.dataDir, kind, inputs, seed); // checks inputs before anything is stored
      const store = analysis.store();
      if (fromJob !== undefined) {
        const result = await finishedJobResult(fromJob, kind, input);
        const s = await store.createScenario({ name, kind, inputs, seed });
        try {
          const run = await store.createRun(s.id, { jobId: fromJob });
          const done = await store.finishRun(run.id, { status: 'done', result });
          return reply.code(201).header('location', `/api/scenarios/${s.id}`).send(started(s, done));
        } catch (e) {
          await store.deleteScenario(s.id).catch(() => undefined);
          throw e;
        }
      }
      const s = await store.createScenario({ name, kind, inputs, seed });
      let run: Run;
      try {
        run = await startRun(s);
      } catch (e) {
        await store.deleteScenario(s.id).catch(() => undefined);
        throw e;
      }
      return reply.code(201).header('location', `/api/scenarios/${s.id}`).send(started(s, run));
    },
  );

  app.get<{ Querystring: CompareQuery }>(
    '/scenarios/compare',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Two scenarios side by side: the KPIs of their latest finished runs, with b − a and the % difference',
        querystring: CompareQuerySchema,
        response: { 200: ComparisonSchema, ...problemResponses },
      },
    },
    async (req) => compareScenarios(analysis.store(), req.query.a, req.query.b),
  );

  app.get<{ Params: ScenarioParams }>(
    '/scenarios/:id',
    {
      schema: {
        tags: ['analysis'],
        summary: 'A scenario with its runs (newest first, progress and status) and the latest finished result',
        params: ScenarioParamsSchema,
        response: { 200: ScenarioDetailSchema, ...problemResponses },
      },
    },
    async (req) => {
      const store = analysis.store();
      const scenario = await store.getScenario(req.params.id);
      const runs = await settleStale((await store.listRuns(scenario.id, { limit: 50 })).items);
      const latest = await store.latestRun(scenario.id, 'done');
      return {
        scenario,
        runs: runs.map(summary),
        latestResult: latest?.result ? { runId: latest.id, finishedAt: latest.finishedAt, result: latest.result } : null,
      };
    },
  );

  app.post<{ Params: ScenarioParams }>(
    '/scenarios/:id/runs',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Runs a stored scenario again from its inputs and seed (the result repeats)',
        params: ScenarioParamsSchema,
        response: { 202: RunStartedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const s = await analysis.store().getScenario(req.params.id);
      return reply.code(202).send(started(s, await startRun(s)));
    },
  );

  app.delete<{ Params: ScenarioParams }>(
    '/scenarios/:id',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Deletes a scenario and its runs (cancelling any still running)',
        params: ScenarioParamsSchema,
        response: { 204: { type: 'null', description: 'deleted' }, ...problemResponses },
      },
    },
    async (req, reply) => {
      const store = analysis.store();
      const s = await store.getScenario(req.params.id);
      const runs = (await store.listRuns(s.id, { limit: 500 })).items;
      await Promise.all(
        runs
          .filter((r) => !FINAL_RUN_STATUSES.includes(r.status) && r.jobId !== null)
          .map((r) => analysis.jobs().cancel(r.jobId as string).catch((e: unknown) => (e instanceof NotFoundError ? undefined : Promise.reject(e)))),
      );
      await store.deleteScenario(s.id);
      return reply.code(204).send();
    },
  );
};

export default scenarios;
