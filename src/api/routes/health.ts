import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';

const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
  cities: Type.Integer(),
  hubs: Type.Integer(),
  lanes: Type.Integer(),
});

/** GET /api/health */
const health: FastifyPluginAsync<{ version: string }> = async (app, opts) => {
  app.get('/health', { schema: { tags: ['network'], summary: 'Liveness and what is loaded', response: { 200: HealthSchema } } }, async () => ({
    status: 'ok' as const,
    version: opts.version,
    cities: app.network.data.cities.length,
    hubs: app.network.data.hubs.length,
    lanes: app.network.data.lanes.length,
  }));
};

export default health;
