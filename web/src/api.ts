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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  } catch (e) {
    throw new ApiError(0, `Cannot reach the hubflow API (${(e as Error).message}).`);
  }
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (body ?? {}) as Problem;
    const msg = p.detail ?? p.title ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, msg, p.field);
  }
  return body as T;
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
  return request<PathResult>('/api/paths', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(req),
    signal,
  });
}

/** `POST /api/quotes`: one option per service level (or the one asked for). */
export function fetchQuote(req: QuoteRequest, signal?: AbortSignal): Promise<QuoteResult> {
  return request<QuoteResult>('/api/quotes?geometry=true', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(req),
    signal,
  });
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
  return request<RoadRouteResult>('/api/roads/route', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(req),
    signal,
  });
}

/** `POST /api/quotes/batch` with a CSV body; answers with the quotes as CSV text. */
export async function fetchBatchCsv(csv: string, signal?: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/api/quotes/batch', { method: 'POST', headers: { accept: 'text/csv', 'content-type': 'text/csv' }, body: csv, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `Cannot reach the hubflow API (${(e as Error).message}).`);
  }
  if (!res.ok) {
    const type = res.headers.get('content-type') ?? '';
    const p = (type.includes('json') ? await res.json().catch(() => null) : null) as Problem | null;
    throw new ApiError(res.status, p?.detail ?? p?.title ?? `${res.status} ${res.statusText}`, p?.field);
  }
  return res.text();
}

/** `POST /api/forecasts`: 200 with the forecast (cached or small), or 202 with a job to poll. */
export async function postForecast(
  req: ForecastRequest,
  signal?: AbortSignal,
): Promise<{ status: 200; forecast: DemandForecast } | { status: 202; job: ForecastAccepted }> {
  let res: Response;
  try {
    res = await fetch('/api/forecasts', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(req),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `Cannot reach the hubflow API (${(e as Error).message}).`);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 202) return { status: 202, job: body as ForecastAccepted };
  if (!res.ok) {
    const p = (body ?? {}) as Problem;
    throw new ApiError(res.status, p.detail ?? p.title ?? `${res.status} ${res.statusText}`, p.field);
  }
  return { status: 200, forecast: body as DemandForecast };
}

/** `GET /api/forecasts/jobs/:id`: status, progress and, when done, the forecast. */
export function fetchForecastJob(id: string, signal?: AbortSignal): Promise<ForecastJob> {
  return request<ForecastJob>(`/api/forecasts/jobs/${encodeURIComponent(id)}`, { signal });
}

/** `DELETE /api/forecasts/jobs/:id`: cancels the job; answers its snapshot. */
export function cancelForecastJob(id: string): Promise<ForecastJob> {
  return request<ForecastJob>(`/api/forecasts/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
