// The Operations view's calls to the VRP API (samples, solve jobs with progress and cancel, evaluate).
import { ApiError } from './api.js';
import type { OpsJob, OpsRequest, OpsResult, OpsSample, OpsSampleInfo, PlanRoute } from './ops-types.js';
import type { RoadsResponse } from './streets-types.js';

async function call<T>(path: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  let res: Response;
  const { json, ...rest } = init ?? {};
  try {
    res = await fetch(path, {
      ...rest,
      headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `Cannot reach the hubflow API (${(e as Error).message}).`);
  }
  const body: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (body ?? {}) as { detail?: string; title?: string; field?: string };
    throw new ApiError(res.status, p.detail ?? p.title ?? `${res.status} ${res.statusText}`, p.field);
  }
  return body as T;
}

/** `GET /api/vrp/samples`. */
export async function fetchSamples(): Promise<OpsSampleInfo[]> {
  return (await call<{ samples: OpsSampleInfo[] }>('/api/vrp/samples')).samples;
}

/** `GET /api/vrp/samples/:name`. */
export function fetchSample(name: string): Promise<OpsSample> {
  return call<OpsSample>(`/api/vrp/samples/${encodeURIComponent(name)}`);
}

/** `POST /api/vrp/jobs`: the job's id. */
export async function submitSolve(req: OpsRequest): Promise<string> {
  return (await call<{ jobId: string }>('/api/vrp/jobs', { method: 'POST', json: req })).jobId;
}

/** `GET /api/vrp/jobs/:id`. */
export function fetchSolveJob(id: string): Promise<OpsJob> {
  return call<OpsJob>(`/api/vrp/jobs/${encodeURIComponent(id)}`);
}

/** `DELETE /api/vrp/jobs/:id`: the snapshot, with the best plan so far when one was found. */
export function cancelSolveJob(id: string): Promise<OpsJob> {
  return call<OpsJob>(`/api/vrp/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `POST /api/vrp/evaluate`: the given plan's times, cost and violations, without optimising. */
export function evaluatePlan(problem: OpsRequest, routes: PlanRoute[], signal?: AbortSignal): Promise<OpsResult> {
  return call<OpsResult>('/api/vrp/evaluate', { method: 'POST', json: { problem, routes }, signal });
}

/** `GET /api/roads`. */
export function fetchRoadGraphs(): Promise<RoadsResponse> {
  return call<RoadsResponse>('/api/roads');
}
