import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHubflow } from '../cli/run-hubflow.js';


/** Runs `hubflow forecast ...`. */
const hubflow = (args: string[], onStderr?: Parameters<typeof runHubflow>[1]) => runHubflow(['forecast', ...args], onStderr);

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
