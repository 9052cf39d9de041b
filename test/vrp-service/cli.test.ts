import { mkdtempSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStationSample } from '../../src/vrp-service/sample-station.js';
import { runHubflow } from '../cli/run-hubflow.js';

/** `hubflow ...` from the sources; `onStderr` may stop it with Ctrl-C (SIGINT). */
const hubflow = (args: string[], onStderr?: (text: string, kill: () => void) => void) =>
  runHubflow(args, onStderr && ((text, kill) => onStderr(text, () => kill('SIGINT'))));

describe('hubflow vrp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubflow-vrp-'));
  const sample = generateStationSample(3);
  writeFileSync(join(dir, 'stops.csv'), sample.stopsCsv);
  writeFileSync(join(dir, 'vehicles.csv'), sample.vehiclesCsv);

  it('a bad CSV exits non-zero naming the line and column, writing nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,lon,lat,kg,serviceMin,twStart,twEnd\nA,120.1,30.2,5,3,09:00,12:00\nB,120.2,30.3,5,3,25:99,12:00\n');
    const out = join(dir, 'bad-plan.json');
    const r = await hubflow(['vrp', '--stops', join(dir, 'bad.csv'), '--vehicles', join(dir, 'vehicles.csv'), '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad.csv:3 (twStart)');
    expect(existsSync(out)).toBe(false);
  }, 15_000);

  it('Ctrl-C keeps the best plan so far', async () => {
    const out = join(dir, 'plan.geojson');
    let sent = false;
    const r = await hubflow(['vrp', '--stops', join(dir, 'stops.csv'), '--vehicles', join(dir, 'vehicles.csv'), '--seconds', '60', '--out', out], (text, kill) => {
      if (!sent && /best \d/.test(text)) {
        sent = true;
        kill();
      }
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('keeping the best plan');
    expect(r.stdout).toContain('stopped early');
    const gj = JSON.parse(readFileSync(out, 'utf8'));
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'stop')).toHaveLength(60);
  }, 25_000);
});
