/**
 * Throttles progress reports: the first report goes out at once, later ones at
 * most every `intervalMs`; the latest report held back is sent when the
 * interval ends (if the event loop gets a turn), so a pause does not hide it.
 */
import type { Progress } from '../shared/stop.js';

/** A throttled progress sink. */
export interface ProgressThrottle {
  report(p: Progress): void;
  /** Sends the report held back, if any, then stops (call when the job has finished well). */
  finish(): void;
  /** Drops any report held back (call when the job fails or is cancelled). */
  stop(): void;
}

/** Wraps `send` so it is called at most once per `intervalMs` (0 sends every report). */
export function throttleProgress(send: (p: Progress) => void, intervalMs: number, now: () => number = () => performance.now()): ProgressThrottle {
  let lastSentMs = -Infinity;
  let pending: Progress | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const flush = () => {
    timer = undefined;
    if (pending && !stopped) {
      const p = pending;
      pending = undefined;
      lastSentMs = now();
      send(p);
    }
  };
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return {
    report(p) {
      if (stopped) return;
      pending = { ...p };
      const elapsed = now() - lastSentMs;
      if (elapsed >= intervalMs) {
        if (timer) clearTimeout(timer);
        flush();
      } else {
        timer ??= setTimeout(flush, intervalMs - elapsed);
      }
    },
    finish() {
      if (timer) clearTimeout(timer);
      flush();
      stop();
    },
    stop,
  };
}
