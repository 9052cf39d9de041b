// Hub capacities and closed hubs as scenario inputs, end to end through the API: checked before
// anything runs (400 naming the field), stored with the scenario, run, and compared.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisApp, pollUntil, TINY } from './analysis-helper.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await analysisApp();
});
afterAll(() => app.close());

type Detail = { runs: { id: string; status: string }[]; latestResult: { result: { assumptions: { table: { parameter: string; value: unknown }[] }; kpis: Record<string, number> } } | null };
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
const finished = (runId: string) => (d: Detail) => d.runs.some((r) => r.id === runId && ['done', 'failed', 'cancelled'].includes(r.status));

describe('hub inputs of scenarios', () => {
  it('refuses an unknown closed hub before any job or scenario exists', async () => {
    const fw = await post('/api/flywheel', { periods: 1, cities: 4, params: { ...TINY, closedHubs: ['hub-atlantis'] } });
    expect(fw.statusCode).toBe(400);
    expect(fw.json().field).toBe('params.closedHubs.0');
    const sc = await post('/api/scenarios', { name: 'x', kind: 'flywheel', inputs: { periods: 1, cities: 4, params: { ...TINY, closedHubs: ['hub-atlantis'] } } });
    expect(sc.statusCode).toBe(400);
    expect(sc.json().field).toBe('inputs.params.closedHubs.0');
    const lane = await post('/api/flywheel', { periods: 1, cities: 4, params: { ...TINY, closedLanes: ['h~nowhere~road'] } });
    expect(lane.statusCode).toBe(400);
    expect(lane.json().field).toBe('params.closedLanes.0');
    const sv = await post('/api/savings', { cities: 4, params: { ...TINY, hubCapacityScale: -1 } });
    expect(sv.statusCode).toBe(400);
    expect(sv.json().field).toBe('params.hubCapacityScale');
    expect((await app.inject({ method: 'GET', url: '/api/scenarios' })).json().total).toBe(0);
  });

  it('stores and runs a scenario with tight hub capacities; both compare (the cost effect is tested on the real network in test/savings/hubs.test.ts)', async () => {
    const run = async (name: string, params: object) => {
      const res = await post('/api/scenarios', { name, kind: 'flywheel', inputs: { periods: 1, cities: 4, params: { ...TINY, ...params } }, seed: 2 });
      expect(res.statusCode).toBe(201);
      const d = await pollUntil<Detail>(app, `/api/scenarios/${res.json().scenarioId}`, finished(res.json().runId), 20_000);
      expect(d.runs[0].status).toBe('done');
      return { id: res.json().scenarioId as string, d };
    };
    const open = await run('open', {});
    const tight = await run('tight', { hubCapacityScale: 0.002 });
    const table = tight.d.latestResult!.result.assumptions.table;
    expect(table.find((r) => r.parameter === 'hubCapacityScale')?.value).toBe(0.002);
    const cmp = (await app.inject({ method: 'GET', url: `/api/scenarios/compare?a=${open.id}&b=${tight.id}` })).json();
    const k = (name: string) => cmp.kpis.find((x: { name: string }) => x.name === name);
    // The baseline ignores capacities: the same cost on both sides.
    expect(k('costPerParcelBaselineCny').diff).toBeCloseTo(0, 9);
    expect(k('costPerParcelOptimisedCny').diff).toBeGreaterThanOrEqual(0);
  });
});
