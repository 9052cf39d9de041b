// The Operations view's calls to the VRP API (samples, solve jobs with progress and cancel, evaluate).
import { request } from './api.js';
import type { OpsJob, OpsRequest, OpsResult, OpsSample, OpsSampleInfo, PlanRoute } from './ops-types.js';
import type { RoadsResponse } from './streets-types.js';

/** `GET /api/vrp/samples`. */
export async function fetchSamples(): Promise<OpsSampleInfo[]> {
  return (await request<{ samples: OpsSampleInfo[] }>('/api/vrp/samples')).samples;
}

/** `GET /api/vrp/samples/:name`. */
export function fetchSample(name: string): Promise<OpsSample> {
  return request<OpsSample>(`/api/vrp/samples/${encodeURIComponent(name)}`);
}

/** `POST /api/vrp/jobs`: the job's id. */
export async function submitSolve(req: OpsRequest): Promise<string> {
  return (await request<{ jobId: string }>('/api/vrp/jobs', { method: 'POST', json: req })).jobId;
}

/** `GET /api/vrp/jobs/:id`. */
export function fetchSolveJob(id: string): Promise<OpsJob> {
  return request<OpsJob>(`/api/vrp/jobs/${encodeURIComponent(id)}`);
}

/** `DELETE /api/vrp/jobs/:id`: the snapshot, with the best plan so far when one was found. */
export function cancelSolveJob(id: string): Promise<OpsJob> {
  return request<OpsJob>(`/api/vrp/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `POST /api/vrp/evaluate`: the given plan's times, cost and violations, without optimising. */
export function evaluatePlan(problem: OpsRequest, routes: PlanRoute[], signal?: AbortSignal): Promise<OpsResult> {
  return request<OpsResult>('/api/vrp/evaluate', { method: 'POST', json: { problem, routes }, signal });
}

/** `GET /api/roads`. */
export function fetchRoadGraphs(): Promise<RoadsResponse> {
  return request<RoadsResponse>('/api/roads');
}
