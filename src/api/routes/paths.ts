import type { FastifyPluginAsync } from 'fastify';
import { findPath } from '../../network/index.js';
import { problemResponses } from '../schemas/common.js';
import { PathRequestSchema, PathResponseSchema, type PathRequest } from '../schemas/paths.js';

/** POST /api/paths: cheapest, fastest or lowest-CO₂ path between two places. */
const paths: FastifyPluginAsync = async (app) => {
  app.post<{ Body: PathRequest }>(
    '/paths',
    {
      schema: {
        tags: ['network'],
        summary: 'Cheapest, fastest or lowest-CO2 path between two cities or hubs',
        body: PathRequestSchema,
        response: { 200: PathResponseSchema, ...problemResponses },
      },
    },
    async (req) => findPath(app.network, req.body),
  );
};

export default paths;
