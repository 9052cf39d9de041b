import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.js';

/** Starts the server on PORT (default 3000) and HOST (default 0.0.0.0); closes cleanly on SIGINT/SIGTERM. */
export async function startServer(opts: AppOptions & { port?: number; host?: string } = {}): Promise<FastifyInstance> {
  const app = await buildApp({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, ...opts });
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const host = opts.host ?? process.env.HOST ?? '0.0.0.0';
  const close = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port, host });
  return app;
}
