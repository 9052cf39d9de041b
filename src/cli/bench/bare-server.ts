import Fastify from 'fastify';

/** A bare Fastify route returning a constant: the ceiling for `hubflow bench api`. */
const app = Fastify({ logger: false });
app.post('/api/quotes', async () => ({ ok: true }));
const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: '127.0.0.1' });

