import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHubflow } from '../cli/run-hubflow.js';


const hubflow = runHubflow;

describe.concurrent('hubflow flywheel / savings', () => {
  it('refuses negative periods with a message naming the flag', async () => {
    const r = await hubflow(['flywheel', '--periods', '-3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--periods must be an integer from 1 to 520/);
  });

  it('refuses an unknown parameter and an unknown component', async () => {
    const a = await hubflow(['savings', '--params', 'speed=3']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--params: "speed=3"/);
    const b = await hubflow(['flywheel', '--off', 'pricing']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--off: "pricing" is not one of forecasting, allocation, routing/);
  });

  it('stops on Ctrl-C (SIGINT) with exit 130 and writes no --out file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubflow-flywheel-'));
    const out = join(dir, 'report.json');
    let sent = false;
    const r = await hubflow(['flywheel', '--periods', '52', '--out', out], (text, kill) => {
      if (!sent && text.includes('flywheel:')) {
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
