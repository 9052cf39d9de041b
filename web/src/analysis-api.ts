// API calls of the Analysis view: the flywheel job and the stored scenarios.
import { request } from './api.js';
import type { Comparison, FlywheelBody, FlywheelJob, ScenarioDetail, ScenarioItem } from './analysis-types.js';

/** `POST /api/flywheel`: starts a flywheel job. */
export function startFlywheel(body: FlywheelBody): Promise<{ jobId: string; status: string }> {
  return request('/api/flywheel', { method: 'POST', json: body });
}

/** `GET /api/flywheel/jobs/:id`: status, progress and, when done, the report. */
export function getFlywheelJob(id: string): Promise<FlywheelJob> {
  return request(`/api/flywheel/jobs/${encodeURIComponent(id)}`);
}

/** `DELETE /api/flywheel/jobs/:id`: cancels the job. */
export function cancelFlywheelJob(id: string): Promise<FlywheelJob> {
  return request(`/api/flywheel/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `GET /api/scenarios?kind=flywheel`: stored flywheel scenarios, newest first, with their newest run. */
export async function listScenarios(): Promise<ScenarioItem[]> {
  return (await request<{ items: ScenarioItem[] }>('/api/scenarios?kind=flywheel&limit=100')).items;
}

/**
 * `POST /api/scenarios`: stores a flywheel scenario. With `fromJob` (a finished flywheel job of the
 * same inputs and seed) its report is stored as the scenario's first run; without, the run starts.
 */
export function saveScenario(body: { name: string; inputs: unknown; seed: number; fromJob?: string }): Promise<{ scenarioId: string; runId: string; run: { status: string } }> {
  return request('/api/scenarios', { method: 'POST', json: { kind: 'flywheel', ...body } });
}

/** `GET /api/scenarios/:id`: the scenario, its runs and its latest finished result. */
export function getScenario(id: string): Promise<ScenarioDetail> {
  return request(`/api/scenarios/${encodeURIComponent(id)}`);
}

/** `DELETE /api/scenarios/:id`. */
export function deleteScenario(id: string): Promise<void> {
  return request(`/api/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `GET /api/scenarios/compare?a&b`: KPIs of both latest finished runs, with b − a. */
export function compareScenarios(a: string, b: string): Promise<Comparison> {
  return request(`/api/scenarios/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
}
