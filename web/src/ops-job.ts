// A solve of the Operations view as a job (POST /api/vrp/jobs): polled for progress (the bar moves
// with the solver's reports and the clock), cancellable (DELETE keeps the best plan found so far).
import { ApiError } from './api.js';
import { cancelSolveJob, fetchSolveJob, submitSolve } from './ops-api.js';
import { jobHtml } from './ops-panel-html.js';
import type { OpsRequest, OpsResult } from './ops-types.js';

/** Callbacks of a solve. */
export interface SolveCallbacks {
  /** The job ended: its plan (null when none was found) and whether it was cancelled. */
  onDone(r: OpsResult | null, cancelled: boolean): void;
  onError(e: ApiError): void;
  /** The job started or ended (to enable buttons). */
  onBusy(busy: boolean): void;
}

/** Runs one solve at a time, drawing its progress into `box`. */
export interface SolveRunner {
  readonly busy: boolean;
  start(req: OpsRequest, seconds: number): Promise<void>;
  cancel(): Promise<void>;
  /** Forgets the running job (its answer is ignored; the server stops it at its time limit). */
  drop(): void;
}

const POLL_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the runner. */
export function createSolveRunner(box: HTMLElement, cb: SolveCallbacks): SolveRunner {
  let jobId: string | null = null;
  let seq = 0;
  let busy = false;
  const setBusy = (b: boolean) => {
    busy = b;
    cb.onBusy(b);
  };
  const drop = () => {
    seq++;
    jobId = null;
    box.hidden = true;
    box.innerHTML = '';
    if (busy) setBusy(false);
  };
  const finish = (r: OpsResult | null, cancelled: boolean) => {
    drop();
    cb.onDone(r, cancelled);
  };
  const runner: SolveRunner = {
    get busy() {
      return busy;
    },
    async start(req, seconds) {
      if (busy) return;
      const mine = ++seq;
      setBusy(true);
      box.hidden = false;
      box.innerHTML = jobHtml(null, seconds);
      try {
        jobId = await submitSolve({ ...req, options: { seconds, seed: 1 } });
        let runningSince: number | null = null;
        for (;;) {
          await sleep(POLL_MS);
          if (mine !== seq) return;
          const job = await fetchSolveJob(jobId);
          if (mine !== seq) return;
          if (job.status === 'done' || job.status === 'cancelled') return finish(job.result ?? null, job.status === 'cancelled');
          if (job.status === 'failed') throw new ApiError(400, job.error?.message ?? 'the solve failed', job.error?.field);
          if (job.status === 'running' && runningSince === null) runningSince = performance.now();
          box.innerHTML = jobHtml(job, seconds, runningSince === null ? 0 : (performance.now() - runningSince) / 1000);
        }
      } catch (e) {
        if (mine !== seq) return;
        drop();
        cb.onError(e as ApiError);
      }
    },
    async cancel() {
      if (!jobId) return;
      const id = jobId;
      seq++; // the poll loop stops
      box.querySelector<HTMLButtonElement>('[data-testid="ops-cancel"]')?.setAttribute('disabled', '');
      try {
        const job = await cancelSolveJob(id);
        finish(job.result ?? null, true);
      } catch {
        finish(null, true);
      }
    },
    drop,
  };
  box.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('[data-testid="ops-cancel"]')) void runner.cancel();
  });
  return runner;
}
