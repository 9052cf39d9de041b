import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/api/app.js';

export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/network-small');

/** An app on the hand-checked fixture network, with no web UI. */
export function fixtureApp(): Promise<FastifyInstance> {
  return buildApp({ dataDir: FIXTURE_DIR, webDir: '/nonexistent' });
}

/** The two-route allocation fixture (see test/fixtures/allocation/network-two-routes/README.md). */
export const TWO_ROUTES_DIR = join(import.meta.dirname, '../fixtures/allocation/network-two-routes');

/**
 * Registers a beforeAll that builds an app on the two-route fixture (no web UI) and an afterAll that closes
 * it; returns a function that POSTs a body to /api/allocations.
 */
export function useTwoRoutesAllocations(): (body: unknown) => Promise<LightMyRequestResponse> {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ dataDir: TWO_ROUTES_DIR, webDir: '/nonexistent' });
  });
  afterAll(() => app.close());
  return (body: unknown) => app.inject({ method: 'POST', url: '/api/allocations', payload: body as string });
}
