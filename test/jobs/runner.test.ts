import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError, InputError, NotFoundError, OverloadedError } from '../../src/shared/errors.js';
import type { JobEvent } from '../../src/jobs/index.js';
import { fixtureRunner } from './helpers.js';

// One runner (one worker) shared by the tests that need no special options: workers start once.
const runner = fixtureRunner({ workers: 1, cancelGraceMs: 3000 });
afterAll(() => runner.close());

describe('ThreadJobRunner', () => {
  it('runs a job that reports progress and returns', async () => {
    const events: JobEvent[] = [];
    const id = await runner.submit('count', { n: 5, delayMs: 5 });
    runner.subscribe((e) => events.push(e), id);
    expect(await runner.result(id)).toEqual({ sum: 15 });
    const snap = await runner.get(id);
    expect(snap).toMatchObject({ id, kind: 'count', status: 'done', result: { sum: 15 }, progress: { fraction: 1, iteration: 5, message: 'step 5' } });
    expect(snap.startedAt && snap.finishedAt && snap.finishedAt >= snap.startedAt).toBeTruthy();
    const fractions = events.flatMap((e) => (e.type === 'progress' ? [e.progress.fraction] : []));
    expect(fractions.length).toBeGreaterThanOrEqual(1);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(events[events.length - 1]).toMatchObject({ type: 'status', job: { status: 'done' } });
    expect(await runner.progress(id)).toMatchObject({ fraction: 1 });
  });

  it('runs the default export', async () => {
    expect(await runner.result(await runner.submit('echo', { a: [1, 2] }))).toEqual({ echoed: { a: [1, 2] } });
  });

  it('reports a thrown typed error as failed, without crashing the worker', async () => {
    const id = await runner.submit('fail', { why: 'no hubs' });
    const err = await runner.result(id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ message: 'bad input: no hubs', field: 'why' });
    expect((await runner.get(id)).error).toEqual({ name: 'InputError', message: 'bad input: no hubs', field: 'why' });
    expect(runner.workerCount).toBe(1);
    expect(await runner.result(await runner.submit('echo', 1))).toEqual({ echoed: 1 });
  });

  it('cancels an asynchronous job mid-run', async () => {
    const id = await runner.submit('count', { n: 1000, delayMs: 5 });
    await new Promise<void>((resolve) => runner.subscribe((e) => e.type === 'progress' && resolve(), id));
    const snap = await runner.cancel(id);
    expect(snap.status).toBe('cancelled');
    expect(snap.progress?.fraction).toBeLessThan(1);
    await expect(runner.result(id)).rejects.toBeInstanceOf(CancelledError);
  });

  it('cancels a synchronous loop through signal.aborted, well within the grace period', async () => {
    const id = await runner.submit('spin', { maxMs: 20_000 });
    await new Promise<void>((resolve) => runner.subscribe((e) => e.type === 'progress' && resolve(), id));
    const t0 = performance.now();
    const snap = await runner.cancel(id);
    expect(snap.status).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(runner.workerCount).toBe(1); // stopped by itself: not terminated
  });

  it('cancels a queued job at once and leaves finished ones alone', async () => {
    const a = await runner.submit('nap', { ms: 100, tag: 1 });
    const b = await runner.submit('nap', { ms: 1, tag: 2 });
    expect((await runner.get(b)).status).toBe('queued');
    expect((await runner.cancel(b)).status).toBe('cancelled');
    expect(await runner.result(a)).toMatchObject({ tag: 1 });
    expect((await runner.cancel(a)).status).toBe('done');
  });

  it('rejects unknown kinds, uncloneable input and unknown ids', async () => {
    await expect(runner.submit('teleport', {})).rejects.toMatchObject({ name: 'InputError', field: 'kind' });
    await expect(runner.submit('echo', { f: () => 1 })).rejects.toMatchObject({ name: 'InputError', field: 'input' });
    await expect(runner.get('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(runner.cancel('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(runner.result('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks handler modules at registration and exports at run time', async () => {
    expect(() => runner.register('x', { module: new URL('./fixtures/missing.js', import.meta.url) })).toThrow(/not found/);
    expect(() => runner.register('x', { module: './fixtures/handlers.js' })).toThrow(/absolute/);
    runner.register('noexport', { module: new URL('./fixtures/handlers.js', import.meta.url), exportName: 'nothingHere' });
    const err = await runner.result(await runner.submit('noexport', {})).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/no exported function nothingHere/);
  });

  it('fails a job whose result cannot be sent back', async () => {
    const err = await runner.result(await runner.submit('unsendable', {})).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/cannot be sent back/);
  });

  it('fails the job of a worker that exits, then carries on with a new worker', async () => {
    const err = await runner.result(await runner.submit('crash', {})).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/exited with code 3/);
    expect(await runner.result(await runner.submit('echo', 'again'))).toEqual({ echoed: 'again' });
  });
});

describe('ThreadJobRunner limits', () => {
  it('throws OverloadedError when the queue is full', async () => {
    const r = fixtureRunner({ workers: 1, maxQueued: 2 });
    try {
      const running = await r.submit('nap', { ms: 200, tag: 0 });
      await r.submit('nap', { ms: 1, tag: 1 });
      await r.submit('nap', { ms: 1, tag: 2 });
      await expect(r.submit('nap', { ms: 1, tag: 3 })).rejects.toBeInstanceOf(OverloadedError);
      await r.result(running);
      // A place freed up once the first queued job started.
      expect(await r.result(await r.submit('echo', 'fits'))).toEqual({ echoed: 'fits' });
    } finally {
      await r.close();
    }
  });

  it('runs many jobs through a pool of 2, never more than 2 at once', async () => {
    const r = fixtureRunner({ workers: 2, maxQueued: 100 });
    try {
      let running = 0;
      let peak = 0;
      r.subscribe((e) => {
        if (e.type !== 'status') return;
        if (e.job.status === 'running') peak = Math.max(peak, ++running);
        else if (e.job.status !== 'queued') running--;
      });
      const ids = await Promise.all(Array.from({ length: 24 }, (_, tag) => r.submit('nap', { ms: 10, tag })));
      const results = (await Promise.all(ids.map((id) => r.result(id)))) as { tag: number; threadId: number }[];
      expect(results.map((x) => x.tag)).toEqual(Array.from({ length: 24 }, (_, i) => i));
      expect(peak).toBe(2);
      expect(new Set(results.map((x) => x.threadId)).size).toBe(2);
      expect(r.workerCount).toBe(2);
    } finally {
      await r.close();
    }
  });

  it('terminates a worker that ignores cancel after the grace period', async () => {
    const r = fixtureRunner({ workers: 1, cancelGraceMs: 150 });
    try {
      const id = await r.submit('stubborn', { maxMs: 20_000 });
      await new Promise<void>((resolve) => r.subscribe((e) => e.type === 'progress' && resolve(), id));
      const t0 = performance.now();
      const snap = await r.cancel(id);
      expect(snap.status).toBe('cancelled');
      expect(snap.error?.message).toMatch(/terminated/);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
      expect(r.workerCount).toBe(0);
      expect(await r.result(await r.submit('echo', 'next'))).toEqual({ echoed: 'next' });
    } finally {
      await r.close();
    }
  });

  it('drops finished jobs after the TTL and stops idle workers', async () => {
    const r = fixtureRunner({ workers: 1, ttlMs: 50, idleTimeoutMs: 50 });
    try {
      const id = await r.submit('echo', 1);
      await r.result(id);
      expect((await r.get(id)).status).toBe('done');
      expect(await r.list({ status: 'done' })).toHaveLength(1);
      expect(r.workerCount).toBe(1);
      await new Promise((res) => setTimeout(res, 150));
      await expect(r.get(id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await r.list()).toEqual([]);
      expect(r.workerCount).toBe(0);
    } finally {
      await r.close();
    }
  });

  it('cancels pending jobs on close', async () => {
    const r = fixtureRunner({ workers: 1 });
    const a = await r.submit('nap', { ms: 5000, tag: 0 });
    const b = await r.submit('nap', { ms: 1, tag: 1 });
    const ra = r.result(a).catch((e: unknown) => e);
    const rb = r.result(b).catch((e: unknown) => e);
    await r.close();
    expect(await ra).toBeInstanceOf(CancelledError);
    expect(await rb).toBeInstanceOf(CancelledError);
    await expect(r.submit('echo', 1)).rejects.toBeInstanceOf(OverloadedError);
  });
});
