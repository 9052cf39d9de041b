import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleProgress } from '../../src/jobs/progress-throttle.js';
import type { Progress } from '../../src/shared/stop.js';

describe('throttleProgress', () => {
  let t = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    t = 0;
  });
  afterEach(() => vi.useRealTimers());
  const clock = () => t;
  const advance = (ms: number) => {
    t += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sends the first report at once, then at most one per interval, ending with the latest', () => {
    const sent: Progress[] = [];
    const th = throttleProgress((p) => sent.push(p), 100, clock);
    for (let i = 1; i <= 50; i++) {
      th.report({ iteration: i });
      advance(10); // 50 reports over 500 ms
    }
    advance(100);
    // Report i comes at (i − 1)·10 ms. The first goes at once; each timer at 100, 200… ms sends
    // the latest held back (reported at 90, 190… ms); the last is flushed after the loop.
    expect(sent.map((p) => p.iteration)).toEqual([1, 10, 20, 30, 40, 50]);
  });

  it('sends every report with interval 0', () => {
    const sent: Progress[] = [];
    const th = throttleProgress((p) => sent.push(p), 0, clock);
    th.report({ fraction: 0.1 });
    th.report({ fraction: 0.2 });
    expect(sent).toEqual([{ fraction: 0.1 }, { fraction: 0.2 }]);
  });

  it('drops a held-back report once stopped', () => {
    const sent: Progress[] = [];
    const th = throttleProgress((p) => sent.push(p), 100, clock);
    th.report({ iteration: 1 });
    th.report({ iteration: 2 });
    th.stop();
    advance(200);
    th.report({ iteration: 3 });
    expect(sent).toEqual([{ iteration: 1 }]);
  });

  it('copies the report, so later mutation by the handler does not leak', () => {
    const sent: Progress[] = [];
    const th = throttleProgress((p) => sent.push(p), 0, clock);
    const p: Progress = { iteration: 1 };
    th.report(p);
    p.iteration = 99;
    expect(sent[0].iteration).toBe(1);
  });
});

describe('throttleProgress finish', () => {
  it('sends the report held back when the job finishes well, and nothing after', () => {
    let t = 0;
    const sent: number[] = [];
    const p = throttleProgress((x) => sent.push(x.fraction ?? -1), 100, () => t);
    p.report({ fraction: 0.1 });
    t = 10;
    p.report({ fraction: 1 });
    expect(sent).toEqual([0.1]);
    p.finish();
    expect(sent).toEqual([0.1, 1]);
    p.report({ fraction: 0.5 });
    expect(sent).toEqual([0.1, 1]);
  });
});
