/**
 * Job handler of a VRP solve (run by src/jobs in a worker thread). Returns
 * the raw plan; the caller assembles the answer with `resultOf`. On cancel
 * it returns the best plan found so far.
 */
import type { JobContext } from '../jobs/index.js';
import { solveRaw, type RawPlan, type VrpJobInput } from './run.js';

/** The `vrp` job. */
export async function vrpJob(input: VrpJobInput, ctx: JobContext): Promise<RawPlan> {
  return solveRaw(input, ctx.onProgress, ctx.signal);
}
