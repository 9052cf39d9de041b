// API calls of the Analysis view: the flywheel job and the stored scenarios.
import { ApiError } from './api.js';
import type { Comparison, FlywheelBody, FlywheelJob, ScenarioDetail, ScenarioItem } from './analysis-types.js';

async function call<T>(path: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : undefined });
  } catch (e) {
    throw new ApiError(0, `Cannot reach the hubflow API (${(e as Error).message}).`);
  }
  if (res.status === 204) return undefined as T;
  const body: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (body ?? {}) as { detail?: string; title?: string; field?: string };
    throw new ApiError(res.status, p.detail ?? p.title ?? `${res.status} ${res.statusText}`, p.field);
  }
  return body as T;
}

/** `POST /api/flywheel`: starts a flywheel job. */
export function startFlywheel(body: FlywheelBody): Promise<{ jobId: string; status: string }> {
  return call('/api/flywheel', { method: 'POST', json: body });
}

/** `GET /api/flywheel/jobs/:id`: status, progress and, when done, the report. */
export function getFlywheelJob(id: string): Promise<FlywheelJob> {
  return call(`/api/flywheel/jobs/${encodeURIComponent(id)}`);
}

/** `DELETE /api/flywheel/jobs/:id`: cancels the job. */
export function cancelFlywheelJob(id: string): Promise<FlywheelJob> {
  return call(`/api/flywheel/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `GET /api/scenarios?kind=flywheel`: stored flywheel scenarios, newest first, with their newest run. */
export async function listScenarios(): Promise<ScenarioItem[]> {
  return (await call<{ items: ScenarioItem[] }>('/api/scenarios?kind=flywheel&limit=100')).items;
}

/**
 * `POST /api/scenarios`: stores a flywheel scenario. With `fromJob` (a finished flywheel job of the
 * same inputs and seed) its report is stored as the scenario's first run; without, the run starts.
 */
export function saveScenario(body: { name: string; inputs: unknown; seed: number; fromJob?: string }): Promise<{ scenarioId: string; runId: string; run: { status: string } }> {
  return call('/api/scenarios', { method: 'POST', json: { kind: 'flywheel', ...body } });
}

/** `GET /api/scenarios/:id`: the scenario, its runs and its latest finished result. */
export function getScenario(id: string): Promise<ScenarioDetail> {
  return call(`/api/scenarios/${encodeURIComponent(id)}`);
}

/** `DELETE /api/scenarios/:id`. */
export function deleteScenario(id: string): Promise<void> {
  return call(`/api/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `GET /api/scenarios/compare?a&b`: KPIs of both latest finished runs, with b − a. */
export function compareScenarios(a: string, b: string): Promise<Comparison> {
  return call(`/api/scenarios/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
}
