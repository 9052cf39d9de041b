import { afterAll, describe, expect, it } from 'vitest';
import { openStore, trackJobInRun } from '../../src/store/index.js';
import { fixtureRunner } from '../jobs/helpers.js';

const runner = fixtureRunner({ workers: 1 });
const store = openStore({ file: ':memory:' });
afterAll(async () => {
  await runner.close();
  await store.close();
});

async function track(kind: string, input: unknown) {
  const scenario = await store.createScenario({ name: kind, kind: 'vrp', inputs: {} });
  const jobId = await runner.submit(kind, input);
  const run = await store.createRun(scenario.id, { jobId });
  return { jobId, run, done: trackJobInRun(store, runner, run.id, jobId, { progressIntervalMs: 0 }) };
}

describe('trackJobInRun', () => {
  it('records progress and the result of a job in its run', async () => {
    const scenario = await store.createScenario({ name: 'count', kind: 'vrp', inputs: {} });
    const jobId = await runner.submit('count', { n: 5, delayMs: 10 });
    const run = await store.createRun(scenario.id, { jobId });
    expect(run.jobId).toBe(jobId);
    // Watch the progress writes through a proxy of the store.
    const written: number[] = [];
    const spy = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'updateRunProgress') {
          return async (id: string, p: number) => {
            const r = await target.updateRunProgress(id, p);
            written.push(r.progress);
            return r;
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const finished = await trackJobInRun(spy, runner, run.id, jobId, { progressIntervalMs: 0 });
    expect(finished).toMatchObject({ status: 'done', progress: 1, result: { sum: 15 }, jobId });
    expect(written.filter((p) => p > 0 && p < 1).length).toBeGreaterThanOrEqual(1);
    expect([...written].sort((x, y) => x - y)).toEqual(written); // in order
  });

  it('records a failure', async () => {
    const { done } = await track('fail', { why: 'closed hub' });
    expect(await done).toMatchObject({ status: 'failed', error: 'bad input: closed hub', result: null });
  });

  it('records a cancel', async () => {
    const { jobId, done } = await track('count', { n: 1000, delayMs: 5 });
    await new Promise<void>((resolve) => runner.subscribe((e) => e.type === 'progress' && resolve(), jobId));
    await runner.cancel(jobId);
    expect((await done).status).toBe('cancelled');
  });

  it('records a job that ended before tracking started', async () => {
    const scenario = await store.createScenario({ name: 'late', kind: 'vrp', inputs: {} });
    const jobId = await runner.submit('echo', { x: 1 });
    await runner.result(jobId);
    const run = await store.createRun(scenario.id, { jobId });
    expect(await trackJobInRun(store, runner, run.id, jobId)).toMatchObject({ status: 'done', result: { echoed: { x: 1 } } });
  });
});
