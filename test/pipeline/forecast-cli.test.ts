import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `hubflow forecast ...` from the sources; `onStderr` may send it a signal. */
function hubflow(args: string[], onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'forecast', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('hubflow forecast', () => {
  it('refuses a bad horizon with a message naming the flag', async () => {
    const r = await hubflow(['--horizon', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--horizon: horizonDays must be an integer from 1 to 366/);
  });

  it('stops on Ctrl-C (SIGINT) with exit 130 and writes no --out file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubflow-forecast-'));
    const out = join(dir, 'forecast.json');
    let sent = false;
    const r = await hubflow(['--horizon', '14', '--out', out], (text, kill) => {
      if (!sent && text.includes('forecast:')) {
        sent = true;
        kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelled; nothing written/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
