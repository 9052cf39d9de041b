/**
 * The `allocation` job handler (run by src/jobs in a worker thread): loads the
 * network of a data folder once per worker and solves one allocation, with
 * progress by phase (building, solving, pricing) and cancel.
 */
import type { JobContext } from '../../jobs/index.js';
import { loadNetworkData, Network } from '../../network/index.js';
import { runAllocation, type AllocationAnswer, type AllocationRun } from './run.js';

/** Job kind of an allocation. */
export const ALLOCATION_JOB_KIND = 'allocation';

/** Input of an `allocation` job: the network's data folder and a checked request. */
export interface AllocationJobInput {
  dataDir: string;
  run: AllocationRun;
}

const networks = new Map<string, Network>();

/** The network of a data folder, loaded once per worker. */
function networkFor(dataDir: string): Network {
  let n = networks.get(dataDir);
  if (!n) {
    n = new Network(loadNetworkData(dataDir));
    networks.set(dataDir, n);
  }
  return n;
}

/**
 * The `allocation` job. Progress: the phase and its share (build 0–0.2,
 * solve 0.2–0.8, decode and price 0.8–1); the solve itself reports no
 * fraction. On cancel the solver is interrupted (HiGHS callbacks read the
 * signal) and the runner reports the job cancelled.
 */
export async function allocationJob(input: AllocationJobInput, ctx: JobContext): Promise<AllocationAnswer> {
  ctx.onProgress({ fraction: 0, message: 'loading the network' });
  const network = networkFor(input.dataDir);
  return runAllocation(network, input.run, { signal: ctx.signal, onProgress: ctx.onProgress });
}
