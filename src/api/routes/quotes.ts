import type { FastifyPluginAsync } from 'fastify';
import { ByteOut, parseBatchCsv, quoteBatchCsv, quoteBatchJson, type QuoteEngine, type QuoteRequest } from '../../quote/index.js';
import { InputError } from '../../shared/errors.js';
import { problemResponses } from '../schemas/common.js';
import { BatchRequestSchema, QuoteRequestSchema, QuoteResultSchema, type BatchRequestBody, type QuoteRequestBody } from '../schemas/quotes.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** POST /api/quotes and /api/quotes/batch: merchant prices and transit times. */
const quotes: FastifyPluginAsync<{ engine: QuoteEngine }> = async (app, { engine }) => {
  engine.warmUp(); // compiled graphs and weight-free path trees, so the first quotes do not pay for them
  const out = new ByteOut(); // answers are written into 64 KB slabs, one after another
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post<{ Body: QuoteRequestBody; Querystring: { geometry?: 'true' | 'false' } }>(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Price and transit time of one parcel, per service level, from its path through the network',
        description:
          'Each option carries its path summary and legs; `?geometry=true` adds the path as a GeoJSON LineString (for drawing; it triples the size of the answer). The answer is written from JSON fragments kept with the cached priced paths (the schema below documents it; tests check the two agree).',
        querystring: { type: 'object', properties: { geometry: { type: 'string', enum: ['true', 'false'] } }, additionalProperties: false },
        body: QuoteRequestSchema,
        response: { 200: QuoteResultSchema, ...problemResponses },
      },
    },
    // A synchronous handler (no promise to settle per request); what it throws Fastify sends to the error handler.
    (req, reply) => {
      // The answer's bytes (ASCII, so also its UTF-8), written straight into a slab: a string reply would cost
      // a byte count and a UTF-8 encoding on top of building the string.
      reply.header('content-type', JSON_TYPE).send(engine.quoteBytes(req.body as QuoteRequest, out, { geometry: req.query.geometry === 'true' }));
    },
  );

  app.post<{ Body: BatchRequestBody | string }>(
    '/quotes/batch',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Up to 10,000 quotes: JSON { rows: [...] } or a CSV body (text/csv); answer as CSV with Accept: text/csv',
        description: `CSV columns: origin,destination,weightKg,lengthCm,widthCm,heightCm,declaredValueCny,service,shipAt. A bad row gets its own error; the others are quoted.`,
        body: { oneOf: [BatchRequestSchema, { type: 'string' }] },
      },
    },
    async (req, reply) => {
      const rows = typeof req.body === 'string' ? parseBatchCsv(req.body) : req.body.rows;
      if (!Array.isArray(rows)) throw new InputError('rows must be an array', 'rows');
      if ((req.headers.accept ?? '').includes('text/csv')) {
        reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="quotes.csv"');
        return quoteBatchCsv(engine, rows).csv;
      }
      reply.header('content-type', JSON_TYPE);
      return quoteBatchJson(engine, rows);
    },
  );
};

export default quotes;
