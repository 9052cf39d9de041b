import type { RoadNetwork } from '../roads/index.js';
import type { RoutePlan } from '../routing/check.js';
import { createProblem, type ProblemInput } from '../routing/problem.js';
import { solve, type Unassigned } from '../routing/solve.js';
import { InputError } from '../shared/errors.js';
import type { ProgressFn } from '../shared/stop.js';
import { buildVrp, checkSolvable, VRP_DEFAULTS, withRequestFields, type BuiltVrp } from './build.js';
import { assembleResult } from './output.js';
import type { VrpPlanRoute, VrpRequest, VrpResult } from './types.js';

/** What a solve returns before it is assembled into a VrpResult (plain data: crosses a worker boundary). */
export interface RawPlan {
  routes: RoutePlan[];
  unassigned: Unassigned[];
  iterations: number;
  seconds: number;
  seed: number;
  cancelled: boolean;
}

/** Input of the `vrp` job: the built problem input and the stopping rule. */
export interface VrpJobInput {
  problem: ProblemInput;
  seed: number;
  seconds?: number;
  iterations?: number;
}

/** Stopping rule and seed of a request (default VRP_DEFAULTS.seconds when neither seconds nor iterations are given). */
export function jobInputOf(built: BuiltVrp, req: VrpRequest): VrpJobInput {
  const o = req.options ?? {};
  const seconds = o.seconds ?? (o.iterations === undefined ? VRP_DEFAULTS.seconds : undefined);
  return { problem: built.input, seed: o.seed ?? VRP_DEFAULTS.seed, seconds, iterations: o.iterations };
}

/** Runs the solver on a job input (in this thread). Stops early, keeping the best plan, when `signal` aborts. */
export function solveRaw(input: VrpJobInput, onProgress?: ProgressFn, signal?: AbortSignal): RawPlan {
  const problem = withRequestFields(() => createProblem(input.problem));
  // The search prices travel only; add the (constant) cost of service time so
  // that progress is close to the final cost (which also prices waiting).
  const v0 = problem.vehicles[0];
  const serviceCost = v0 ? v0.costPerS * problem.stops.reduce((s, x) => s + x.serviceS, 0) : 0;
  const progress: ProgressFn | undefined = onProgress && ((p) => onProgress(p.best !== undefined && p.message !== 'done' ? { ...p, best: p.best + serviceCost } : p));
  const sol = withRequestFields(() =>
    solve(problem, { seed: input.seed, stop: { seconds: input.seconds, iterations: input.iterations, signal }, onProgress: progress }),
  );
  return { routes: sol.routes, unassigned: sol.unassigned, iterations: sol.iterations, seconds: sol.seconds, seed: input.seed, cancelled: signal?.aborted === true };
}

/** The answer for a raw plan. */
export function resultOf(built: BuiltVrp, raw: RawPlan): VrpResult {
  return assembleResult(built, raw.routes, raw.unassigned, {
    seed: raw.seed, iterations: raw.iterations, seconds: Math.round(raw.seconds * 100) / 100, ...(raw.cancelled ? { cancelled: true } : {}),
  });
}

/** Builds, solves (in this thread) and assembles: the synchronous form. */
export function solveVrp(req: VrpRequest, graphs: readonly RoadNetwork[] = [], onProgress?: ProgressFn): VrpResult {
  const built = buildVrp(req, graphs);
  checkSolvable(built);
  return resultOf(built, solveRaw(jobInputOf(built, req), onProgress));
}

/**
 * Evaluates a given plan without optimising: vehicle ids (`id` or `id#k`)
 * and stop ids are resolved (routes keep the caller's labels); stops in no route are reported unassigned
 * ('not-planned') and as missing by the checker unless optional.
 */
export function evaluateVrp(req: VrpRequest, plan: VrpPlanRoute[], graphs: readonly RoadNetwork[] = []): VrpResult {
  const built = buildVrp(req, graphs);
  const stopIndex = new Map(built.stopIds.map((id, i) => [id, i]));
  const routes: RoutePlan[] = plan.map((r, i) => {
    const base = r.vehicle.replace(/#\d+$/, '');
    let v = built.vehicleIds.indexOf(r.vehicle);
    if (v < 0) v = built.vehicleIds.indexOf(base);
    if (v < 0) throw new InputError(`routes.${i}.vehicle: unknown vehicle "${r.vehicle}"`, `routes.${i}.vehicle`);
    return {
      vehicle: v,
      stops: r.stops.map((id, k) => {
        const s = stopIndex.get(id);
        if (s === undefined) throw new InputError(`routes.${i}.stops.${k}: unknown stop "${id}"`, `routes.${i}.stops.${k}`);
        return s;
      }),
    };
  });
  const planned = new Set(routes.flatMap((r) => r.stops));
  const unassigned: Unassigned[] = [];
  built.stopIds.forEach((_, s) => {
    if (!planned.has(s)) unassigned.push({ stop: s, reason: 'not-planned' as Unassigned['reason'] });
  });
  return assembleResult(built, routes, unassigned, undefined, plan.map((r) => r.vehicle));
}
