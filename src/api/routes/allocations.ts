import type { FastifyPluginAsync } from 'fastify';
import { ThreadJobRunner, THREAD_RUNNER_DEFAULTS, type JobSnapshot } from '../../jobs/index.js';
import {
  gravityOd,
  HUB_MODEL_DEFAULTS,
  resolveOptions,
  syntheticDemand,
  SYNTHETIC_DEMAND_NOTE,
  validateDemand,
  validateOverrides,
  type OdDemand,
} from '../../allocation/hub/index.js';
import { ALLOCATION_JOB_KIND, type AllocationJobInput } from '../../allocation/hub/job.js';
import { allocationWork, runAllocation, type AllocationAnswer, type AllocationRun } from '../../allocation/hub/run.js';
import type { Network } from '../../network/index.js';
import { InputError, NotFoundError } from '../../shared/errors.js';
import { problemResponses } from '../schemas/common.js';
import {
  AllocationAcceptedSchema,
  AllocationJobParamsSchema,
  AllocationJobSchema,
  AllocationQuerySchema,
  AllocationRequestSchema,
  AllocationResponseSchema,
  type AllocationJobParams,
  type AllocationQuery,
  type AllocationRequestBody,
} from '../schemas/allocations.js';

/**
 * Requests up to this size (OD pairs × routes per pair, × 10 for the
 * mixed-integer model; see allocationWork) are answered at once by POST
 * /api/allocations; larger ones run as a job (202). 16,000 ≈ 4,000 pairs ≈ 1 s.
 */
export const ALLOCATION_SYNC_WORK = 16_000;

/** Options of the allocation routes. */
export interface AllocationRoutesOptions {
  /** A shared job runner; without one the plugin starts its own on first use and closes it with the app. */
  jobs?: ThreadJobRunner;
  /** Overrides ALLOCATION_SYNC_WORK (tests). */
  syncWork?: number;
  /** Network data folder the job workers load (default: the app's `dataDir`). */
  dataDir?: string;
}

/** The OD demand of a request body, and a note when it is SYNTHETIC. */
export function requestDemand(network: Network, demand: AllocationRequestBody['demand']): { od: OdDemand[]; note?: string } {
  if (Array.isArray(demand)) return { od: demand };
  if (demand && 'cities' in demand) return { od: gravityOd(network.data.cities, demand.cities, { seed: demand.seed }), note: 'per-city totals split by the gravity model' };
  const { cities: only, ...s } = demand?.synthetic ?? {};
  let cities = network.data.cities;
  if (only) {
    const known = new Set(cities.map((c) => c.id));
    only.forEach((id, i) => {
      if (!known.has(id)) throw new InputError(`demand: "${id}" is not a city id`, `demand.synthetic.cities.${i}`);
    });
    const keep = new Set(only);
    cities = cities.filter((c) => keep.has(c.id));
  }
  return { od: syntheticDemand(cities, { ...s, seed: s.seed ?? 1 }), note: SYNTHETIC_DEMAND_NOTE + (only ? ` (only ${only.length} cities send and receive)` : '') };
}

/** Checks a request body against the network and resolves its demand: bad input throws InputError naming the field. */
export function checkedRun(network: Network, b: AllocationRequestBody): AllocationRun {
  const { od, note } = requestDemand(network, b.demand);
  const demand = validateDemand(network, od);
  validateOverrides(network, b.overrides);
  resolveOptions({ ...b.options, integer: b.integer ?? false });
  return {
    demand,
    ...(note ? { demandNote: note } : {}),
    ...(b.overrides ? { overrides: b.overrides } : {}),
    ...(b.options ? { options: b.options } : {}),
    integer: b.integer ?? false,
    ...(b.backend ? { backend: b.backend } : {}),
    ...(b.timeLimitS !== undefined ? { timeLimitS: b.timeLimitS } : {}),
    geojson: b.geojson !== false,
  };
}

/**
 * POST /api/allocations (200 at once for small requests, 202 and a job for
 * large ones), POST /api/allocations/jobs (always a job), GET and DELETE
 * /api/allocations/jobs/:id: flows through the hub network by LP (or MIP),
 * with capacity prices.
 */
const allocations: FastifyPluginAsync<AllocationRoutesOptions> = async (app, opts) => {
  const syncWork = opts.syncWork ?? ALLOCATION_SYNC_WORK;
  const dataDir = opts.dataDir ?? app.dataDir;
  let runner = opts.jobs;
  let ownRunner = false;
  const jobs = (): ThreadJobRunner => {
    if (!runner) {
      // two workers: a quick what-if need not wait behind a long mixed-integer solve
      runner = new ThreadJobRunner({ workers: Math.max(2, THREAD_RUNNER_DEFAULTS.workers) });
      ownRunner = true;
    }
    if (!runner.kinds().includes(ALLOCATION_JOB_KIND)) {
      runner.register(ALLOCATION_JOB_KIND, { module: new URL('../../allocation/hub/job.js', import.meta.url), exportName: 'allocationJob' });
    }
    return runner;
  };
  app.addHook('onClose', async () => {
    if (ownRunner) await runner?.close();
  });

  const applyCongestion = (answer: AllocationAnswer) => app.quotes.setCongestion(new Map(Object.entries(answer.congestion)));

  const submit = async (run: AllocationRun, congestion: boolean) => {
    const r = jobs();
    const jobId = await r.submit(ALLOCATION_JOB_KIND, { dataDir, run } satisfies AllocationJobInput);
    if (congestion) {
      r.result(jobId)
        .then((answer) => applyCongestion(answer as AllocationAnswer))
        .catch(() => undefined);
    }
    const s = await r.get(jobId);
    const statusUrl = `/api/allocations/jobs/${jobId}`;
    return { statusUrl, body: { jobId, status: s.status, statusUrl, odPairs: run.demand.length, integer: run.integer } };
  };

  const unknown = (id: string) => new NotFoundError(`no allocation job with id ${id} (unknown or expired)`, 'id');
  const snapshotOf = async (id: string): Promise<JobSnapshot> => {
    if (!runner) throw unknown(id);
    let s: JobSnapshot;
    try {
      s = await runner.get(id);
    } catch (e) {
      if (e instanceof NotFoundError) throw unknown(id);
      throw e;
    }
    if (s.kind !== ALLOCATION_JOB_KIND) throw unknown(id);
    return s;
  };
  const view = (s: JobSnapshot) => {
    const { kind: _kind, ...rest } = s;
    return rest;
  };

  app.post<{ Body: AllocationRequestBody; Querystring: AllocationQuery }>(
    '/allocations',
    {
      schema: {
        tags: ['allocation'],
        summary: 'Allocate OD demand to hubs and lanes at least cost; flows, hub use, costs, unmet demand with reasons, capacity prices',
        description:
          `Answered at once (200) when the request is small (OD pairs × routes per pair ≤ ${syncWork}, × 10 for integer), else run as a job (202, poll statusUrl). ` +
          '`?respond=sync` always waits (the full 130-city network: ~5 s for the LP, ~35 s CPU for the mixed-integer model); `?respond=job` always answers 202.',
        body: AllocationRequestSchema,
        querystring: AllocationQuerySchema,
        response: { 200: AllocationResponseSchema, 202: AllocationAcceptedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const run = checkedRun(app.network, b);
      const respond = req.query.respond ?? 'auto';
      const quick = allocationWork(run, HUB_MODEL_DEFAULTS.maxRoutesPerOd) <= syncWork;
      if (respond === 'job' || (respond === 'auto' && !quick)) {
        const { statusUrl, body } = await submit(run, b.applyCongestion === true);
        return reply.code(202).header('location', statusUrl).send(body);
      }
      const answer = await runAllocation(app.network, run);
      if (b.applyCongestion) applyCongestion(answer);
      return answer;
    },
  );

  app.post<{ Body: AllocationRequestBody }>(
    '/allocations/jobs',
    {
      schema: {
        tags: ['allocation'],
        summary: 'Submits an allocation as a job (worker thread): 202 with the status URL; poll it for progress and the result, DELETE it to cancel',
        body: AllocationRequestSchema,
        response: { 202: AllocationAcceptedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { statusUrl, body } = await submit(checkedRun(app.network, req.body), req.body.applyCongestion === true);
      return reply.code(202).header('location', statusUrl).send(body);
    },
  );

  app.get<{ Params: AllocationJobParams }>(
    '/allocations/jobs/:id',
    {
      schema: {
        tags: ['allocation'],
        summary: 'An allocation job: status, progress (phase: building, solving, pricing) and, when done, the allocation',
        params: AllocationJobParamsSchema,
        response: { 200: AllocationJobSchema, ...problemResponses },
      },
    },
    async (req) => view(await snapshotOf(req.params.id)),
  );

  app.delete<{ Params: AllocationJobParams }>(
    '/allocations/jobs/:id',
    {
      schema: {
        tags: ['allocation'],
        summary: 'Cancels an allocation job (answers once it has stopped)',
        params: AllocationJobParamsSchema,
        response: { 200: AllocationJobSchema, ...problemResponses },
      },
    },
    async (req) => {
      await snapshotOf(req.params.id);
      return view(await runner!.cancel(req.params.id));
    },
  );
};

export default allocations;
