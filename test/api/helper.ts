import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';

export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/network-small');

/** An app on the hand-checked fixture network, with no web UI. */
export function fixtureApp(): Promise<FastifyInstance> {
  return buildApp({ dataDir: FIXTURE_DIR, webDir: '/nonexistent' });
}
