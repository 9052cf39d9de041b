// The API client: one function per endpoint the map UI uses; errors carry the problem+json detail.
import type { DemandForecast, ForecastAccepted, ForecastJob, ForecastRequest } from './demand-types.js';
import type { QuoteRequest, QuoteResult } from './quote-types.js';
import type { RoadRouteRequest, RoadRouteResult, RoadsResponse } from './streets-types.js';
import type { NetworkCollection, PathRequest, PathResult, Place, Problem, ProvinceCollection } from './types.js';

/** An HTTP error from the API, with the problem document's detail and field when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | undefined;

  constructor(status: number, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.field = field;
  }
}

/** `fetch` options of an API call; `json` is sent as the JSON body. */
export type ApiInit = RequestInit & { json?: unknown };

/**
 * One call to the API, the errors made uniform: an unreachable server is an ApiError with status 0
 * (an abort stays an AbortError), an answer that is not 2xx an ApiError with its problem+json detail and
 * field. Asks for JSON unless `init.headers` says otherwise; resolves with the response, body unread.
 */
export async function apiFetch(path: string, init: ApiInit = {}): Promise<Response> {
  const { json, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(headers as Record<string, string> | undefined) },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `Cannot reach the hubflow API (${(e as Error).message}).`);
  }
  if (!res.ok) {
    const p = ((await jsonBody(res)) ?? {}) as Problem;
    throw new ApiError(res.status, p.detail ?? p.title ?? `${res.status} ${res.statusText}`, p.field);
  }
  return res;
}

/** The response's JSON body, or null when it has none (or not JSON). */
export async function jsonBody(res: Response): Promise<unknown> {
  return (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
}

/** An API call answered with JSON. */
export async function request<T>(path: string, init?: ApiInit): Promise<T> {
  return (await jsonBody(await apiFetch(path, init))) as T;
}

/** `GET /api/network`: places and lanes as GeoJSON. */
export function fetchNetwork(): Promise<NetworkCollection> {
  return request<NetworkCollection>('/api/network');
}

/** `GET /api/places`: every city and hub, for search. */
export async function fetchPlaces(): Promise<Place[]> {
  return (await request<{ places: Place[] }>('/api/places')).places;
}

/** `GET /api/basemap/provinces`: China's provinces as GeoJSON. */
export function fetchProvinces(): Promise<ProvinceCollection> {
  return request<ProvinceCollection>('/api/basemap/provinces');
}

/** `POST /api/paths`: the best path, or `found: false` with a reason. */
export function fetchPath(req: PathRequest, signal?: AbortSignal): Promise<PathResult> {
  return request<PathResult>('/api/paths', { method: 'POST', json: req, signal });
}

/** `POST /api/quotes`: one option per service level (or the one asked for). */
export function fetchQuote(req: QuoteRequest, signal?: AbortSignal): Promise<QuoteResult> {
  return request<QuoteResult>('/api/quotes?geometry=true', { method: 'POST', json: req, signal });
}

/** `GET /api/roads`: the road graphs loaded, with extent and attribution. */
export function fetchRoads(): Promise<RoadsResponse> {
  return request<RoadsResponse>('/api/roads');
}

/** `GET /api/roads/:name/streets`: the graph's streets as one GeoJSON MultiLineString feature. */
export function fetchRoadStreets(name: string): Promise<GeoJSON.Feature<GeoJSON.MultiLineString>> {
  return request<GeoJSON.Feature<GeoJSON.MultiLineString>>(`/api/roads/${encodeURIComponent(name)}/streets`);
}

/** `POST /api/roads/route`: the fastest or shortest street route between two coordinates. */
export function fetchRoadRoute(req: RoadRouteRequest, signal?: AbortSignal): Promise<RoadRouteResult> {
  return request<RoadRouteResult>('/api/roads/route', { method: 'POST', json: req, signal });
}

/** `POST /api/quotes/batch` with a CSV body; answers with the quotes as CSV text. */
export async function fetchBatchCsv(csv: string, signal?: AbortSignal): Promise<string> {
  const res = await apiFetch('/api/quotes/batch', { method: 'POST', headers: { accept: 'text/csv', 'content-type': 'text/csv' }, body: csv, signal });
  return res.text();
}

/** `POST /api/forecasts`: 200 with the forecast (cached or small), or 202 with a job to poll. */
export async function postForecast(
  req: ForecastRequest,
  signal?: AbortSignal,
): Promise<{ status: 200; forecast: DemandForecast } | { status: 202; job: ForecastAccepted }> {
  const res = await apiFetch('/api/forecasts', { method: 'POST', json: req, signal });
  const body = await jsonBody(res);
  return res.status === 202 ? { status: 202, job: body as ForecastAccepted } : { status: 200, forecast: body as DemandForecast };
}

/** `GET /api/forecasts/jobs/:id`: status, progress and, when done, the forecast. */
export function fetchForecastJob(id: string, signal?: AbortSignal): Promise<ForecastJob> {
  return request<ForecastJob>(`/api/forecasts/jobs/${encodeURIComponent(id)}`, { signal });
}

/** `DELETE /api/forecasts/jobs/:id`: cancels the job; answers its snapshot. */
export function cancelForecastJob(id: string): Promise<ForecastJob> {
  return request<ForecastJob>(`/api/forecasts/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
