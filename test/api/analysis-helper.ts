import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { FIXTURE_DIR } from './helper.js';

/** Tiny savings settings on the 4-city fixture network: a run takes a fraction of a second per period. */
export const TINY = { historyWeeks: 4, minStops: 10, maxStops: 20, vrpIterations: 10 };

/** An app on the fixture network with scenarios kept in memory (or in `stateDir`); one job worker (each worker's start under tsx costs ~1-2 CPU s). */
export function analysisApp(stateDir = ':memory:'): Promise<FastifyInstance> {
  process.env.HUBFLOW_JOB_WORKERS = '1';
  return buildApp({ dataDir: FIXTURE_DIR, webDir: '/nonexistent', stateDir });
}

/** Polls GET url until `done(body)` holds (or throws after `timeoutMs`). */
export async function pollUntil<T>(app: FastifyInstance, url: string, done: (body: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as T;
    if (done(body)) return body;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${url}: still not done after ${timeoutMs} ms: ${res.body.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
