// The Flows view's API calls: POST /api/allocations (200 at once, or 202 and a job), job polling and cancel.
import { ApiError, apiFetch, jsonBody, request } from './api.js';
import type { Allocation, AllocationAccepted, AllocationJob, AllocationRequest } from './flows-types.js';

/** `POST /api/allocations`: the plan at once (200), or a job to poll (202). */
export async function postAllocation(req: AllocationRequest): Promise<{ status: 200; plan: Allocation } | { status: 202; job: AllocationAccepted }> {
  const res = await apiFetch('/api/allocations', { method: 'POST', json: req });
  const body = await jsonBody(res);
  return res.status === 202 ? { status: 202, job: body as AllocationAccepted } : { status: 200, plan: body as Allocation };
}

/** `GET /api/allocations/jobs/:id`. */
export function fetchAllocationJob(id: string): Promise<AllocationJob> {
  return request<AllocationJob>(`/api/allocations/jobs/${encodeURIComponent(id)}`);
}

/** How a solve reports back. */
export interface SolveHooks {
  /** False once the caller has moved on (a newer solve, or a cancel): polling stops quietly. */
  isCurrent(): boolean;
  /** A job started (its id, for Cancel) or ended (null). */
  onJob(id: string | null): void;
  /** Progress of the job (phase and fraction). */
  onProgress(p: { fraction?: number; message?: string } | null): void;
}

const POLL_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Solves: the answer at once (200), or a job polled until it ends (202).
 * Resolves with the plan, 'cancelled' when the job was cancelled, or null when
 * the caller moved on; a failed job throws its error (with the field at fault).
 */
export async function solveAllocation(req: AllocationRequest, hooks: SolveHooks): Promise<Allocation | 'cancelled' | null> {
  const res = await postAllocation(req);
  if (!hooks.isCurrent()) return null;
  if (res.status === 200) return res.plan;
  const id = res.job.jobId;
  hooks.onJob(id);
  hooks.onProgress({ message: 'queued' });
  try {
    for (;;) {
      await sleep(POLL_MS);
      if (!hooks.isCurrent()) return null;
      const job = await fetchAllocationJob(id);
      if (!hooks.isCurrent()) return null;
      if (job.status === 'done' && job.result) return job.result;
      if (job.status === 'failed') throw new ApiError(job.error?.name === 'InputError' ? 400 : 500, job.error?.message ?? 'The allocation failed.', job.error?.field);
      if (job.status === 'cancelled') return 'cancelled';
      hooks.onProgress(job.progress);
    }
  } finally {
    if (hooks.isCurrent()) hooks.onJob(null);
  }
}

/** `DELETE /api/allocations/jobs/:id`: cancels a job. */
export function cancelAllocationJob(id: string): Promise<AllocationJob> {
  return request<AllocationJob>(`/api/allocations/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
