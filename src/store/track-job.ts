/**
 * Glue between a job (src/jobs) and the run that records it: progress goes to
 * the store (at most once per interval), and the job's end becomes the run's
 * outcome. Works with any JobRunner and any ScenarioStore.
 */
import type { JobRunner, JobSnapshot } from '../jobs/types.js';
import type { Run, ScenarioStore } from './types.js';

/** How often job progress is written to the run. */
export interface TrackOptions {
  /** Minimum time between progress writes, ms (default 1000). */
  progressIntervalMs?: number;
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

/**
 * Mirrors job `jobId` into run `runId` until the job ends; resolves with the
 * finished run. Typical use in a route: submit the job, `createRun(scenarioId,
 * { jobId })`, then `void trackJobInRun(...)` and answer 202 with the run id.
 */
export function trackJobInRun(store: ScenarioStore, runner: JobRunner, runId: string, jobId: string, options: TrackOptions = {}): Promise<Run> {
  const intervalMs = options.progressIntervalMs ?? 1000;
  let lastWriteMs = -Infinity;
  let finished = false;
  // Writes are chained so that a progress write never lands after the final one.
  let chain: Promise<unknown> = Promise.resolve();
  let unsubscribe = () => {};

  return new Promise<Run>((resolve, reject) => {
    const end = (job: JobSnapshot) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      const outcome =
        job.status === 'done'
          ? ({ status: 'done', result: job.result ?? {} } as const)
          : job.status === 'failed'
            ? ({ status: 'failed', error: job.error?.message ?? 'failed' } as const)
            : ({ status: 'cancelled', error: job.error?.message } as const);
      chain = chain.then(() => store.finishRun(runId, outcome)).then(resolve, reject);
    };
    unsubscribe = runner.subscribe((event) => {
      if (event.type === 'status') {
        if (FINAL.has(event.job.status)) end(event.job);
        return;
      }
      const fraction = event.progress.fraction;
      const now = performance.now();
      if (finished || fraction === undefined || now - lastWriteMs < intervalMs) return;
      lastWriteMs = now;
      chain = chain.then(() => store.updateRunProgress(runId, Math.min(1, Math.max(0, fraction)))).catch(() => undefined);
    }, jobId);
    // The job may have ended before we subscribed.
    runner.get(jobId).then((job) => {
      if (FINAL.has(job.status)) end(job);
    }, (err: unknown) => {
      if (!finished) {
        finished = true;
        unsubscribe();
        reject(err);
      }
    });
  });
}
