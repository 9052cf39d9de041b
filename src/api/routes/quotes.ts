import type { FastifyPluginAsync } from 'fastify';
import { batchToCsv, parseBatchCsv, quoteBatch, type QuoteEngine, type QuoteRequest } from '../../quote/index.js';
import { InputError } from '../../shared/errors.js';
import { problemResponses } from '../schemas/common.js';
import { BatchRequestSchema, QuoteRequestSchema, QuoteResultSchema, type BatchRequestBody, type QuoteRequestBody } from '../schemas/quotes.js';

/** POST /api/quotes and /api/quotes/batch: merchant prices and transit times. */
const quotes: FastifyPluginAsync<{ engine: QuoteEngine }> = async (app, { engine }) => {
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post<{ Body: QuoteRequestBody; Querystring: { geometry?: 'true' | 'false' } }>(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Price and transit time of one parcel, per service level, from its path through the network',
        description: 'Each option carries its path summary and legs; `?geometry=true` adds the path as a GeoJSON LineString (for drawing; it triples the size of the answer).',
        querystring: { type: 'object', properties: { geometry: { type: 'string', enum: ['true', 'false'] } }, additionalProperties: false },
        body: QuoteRequestSchema,
        response: { 200: QuoteResultSchema, ...problemResponses },
      },
    },
    async (req) => engine.quote(req.body as QuoteRequest, { geometry: req.query.geometry === 'true' }),
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
      const result = quoteBatch(engine, rows);
      if ((req.headers.accept ?? '').includes('text/csv')) {
        reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="quotes.csv"');
        return batchToCsv(result);
      }
      return result;
    },
  );
};

export default quotes;
