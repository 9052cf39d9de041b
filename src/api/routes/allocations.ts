import type { FastifyPluginAsync } from 'fastify';
import { allocate, congestionPrices, flowsGeoJson, gravityOd, syntheticDemand, SYNTHETIC_DEMAND_NOTE, type OdDemand } from '../../allocation/hub/index.js';
import type { Network } from '../../network/index.js';
import { problemResponses } from '../schemas/common.js';
import { AllocationRequestSchema, AllocationResponseSchema, type AllocationRequestBody } from '../schemas/allocations.js';

/** The OD demand of a request body, and a note when it is SYNTHETIC. */
export function requestDemand(network: Network, demand: AllocationRequestBody['demand']): { od: OdDemand[]; note?: string } {
  if (Array.isArray(demand)) return { od: demand };
  if (demand && 'cities' in demand) return { od: gravityOd(network.data.cities, demand.cities, { seed: demand.seed }), note: 'per-city totals split by the gravity model' };
  const s = demand?.synthetic ?? {};
  return { od: syntheticDemand(network.data.cities, { ...s, seed: s.seed ?? 1 }), note: SYNTHETIC_DEMAND_NOTE };
}

/** POST /api/allocations: flows through the hub network by LP (or MIP), with capacity prices. */
const allocations: FastifyPluginAsync = async (app) => {
  app.post<{ Body: AllocationRequestBody }>(
    '/allocations',
    {
      schema: {
        tags: ['allocation'],
        summary: 'Allocate OD demand to hubs and lanes at least cost; flows, hub use, costs, unmet demand with reasons, capacity prices',
        body: AllocationRequestSchema,
        response: { 200: AllocationResponseSchema, ...problemResponses },
      },
    },
    async (req) => {
      const b = req.body;
      const { od, note } = requestDemand(app.network, b.demand);
      const result = await allocate(
        app.network,
        { demand: od, overrides: b.overrides, options: { ...b.options, integer: b.integer ?? false } },
        { backend: b.backend, stop: b.timeLimitS ? { seconds: b.timeLimitS } : undefined },
      );
      const congestion = congestionPrices(result.capacityPrices);
      if (b.applyCongestion) app.quotes.setCongestion(congestion);
      return {
        ...result,
        ...(note ? { demandNote: note } : {}),
        congestion: Object.fromEntries(congestion),
        ...(b.geojson === false ? {} : { geojson: flowsGeoJson(app.network, result.lanes) }),
      };
    },
  );
};

export default allocations;
