// Browser test of the Analysis view: serves the built UI and the API (scenarios in a temporary SQLite
// file) and drives headless Chromium. Runs are short (3 weeks, 5 cities, 1 seed: about 1 s each).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';

const hashParam = (url: string, key: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(key);

describeInBrowser('Analysis view in headless Chromium', () => {
  let stateDir: string;
  const saved = { state: process.env.HUBFLOW_STATE_DIR, workers: process.env.HUBFLOW_JOB_WORKERS };
  const flywheelPosts: number[] = [];
  // the server reads these when it starts: set them before useBrowser's beforeAll
  beforeAll(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'hubflow-analysis-'));
    process.env.HUBFLOW_STATE_DIR = stateDir;
    process.env.HUBFLOW_JOB_WORKERS = '1';
  });
  const ui = useBrowser();

  const ready = () => ui.page.waitForSelector('[data-testid="analysis-panel"][data-state="ready"]', { timeout: 30_000 });
  const setRange = (sel: string, v: string) =>
    ui.page.$eval(sel, (el, value) => {
      (el as HTMLInputElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, v);
  const items = () => ui.page.locator('[data-testid="analysis-scenario"]');

  beforeAll(() => {
    ui.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/flywheel')) flywheelPosts.push(1);
    });
  });

  afterAll(() => {
    process.env.HUBFLOW_STATE_DIR = saved.state;
    process.env.HUBFLOW_JOB_WORKERS = saved.workers;
    if (saved.state === undefined) delete process.env.HUBFLOW_STATE_DIR;
    if (saved.workers === undefined) delete process.env.HUBFLOW_JOB_WORKERS;
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('runs a short flywheel as a job and shows the KPI cards, the waterfall, the charts and the table', async () => {
    await ui.page.goto(`${ui.base}#view=analysis&ap=3&ac=5`, { waitUntil: 'load' });
    await ready();
    expect(flywheelPosts.length).toBe(1);
    expect(await ui.page.isVisible('[data-testid="analysis-dash"]')).toBe(true);
    expect(await ui.page.isVisible('#map')).toBe(false);
    expect(await ui.page.innerText('[data-testid="analysis-story"]')).toMatch(/cuts the cost per parcel by \d+\.\d%/);
    for (const k of ['cost', 'price', 'merchants', 'error', 'savings']) expect(await ui.page.isVisible(`[data-testid="kpi-${k}"]`)).toBe(true);
    expect(await ui.page.innerText('[data-testid="analysis-meta"]')).toMatch(/^3 weeks · 1 seed \(1\) · 5 cities/);
    // The waterfall's three components add up to its total.
    const wf = async (id: string) => Number(await ui.page.getAttribute(`[data-testid="wf-${id}"]`, 'data-cny'));
    const parts = (await wf('forecasting')) + (await wf('allocation')) + (await wf('routing'));
    expect(Math.abs(parts - (await wf('total')))).toBeLessThanOrEqual(2);
    expect(await wf('total')).toBeGreaterThan(0);
    for (const c of ['cost', 'merchants', 'parcels', 'error']) expect(await ui.page.isVisible(`[data-testid="chart-${c}"]`)).toBe(true);
    expect(await ui.page.locator('[data-testid="line-optimised"]').count()).toBe(1);
    expect(await ui.page.locator('[data-testid="analysis-table"] tbody tr').count()).toBe(3);
    await ui.page.screenshot({ path: `${shotDir}/analysis-run.png` });

    // CSV export: a header and one row per week.
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('[data-testid="analysis-csv"]')]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[1].split(',').slice(0, 3)).toEqual(['period', 'merchants', 'parcels']);
    expect(csv).toHaveLength(2 + 3);
    expect(download.suggestedFilename()).toBe('hubflow-flywheel-3w-seed1.csv');
  });

  it('saves the run as a scenario, runs another elasticity, saves it and compares the two', async () => {
    await ui.page.fill('[data-testid="analysis-name"]', 'slow growth');
    await ui.page.click('[data-testid="analysis-save"]');
    await expect.poll(() => items().count()).toBe(1);
    // Saved from the finished job: done at once, no second run.
    expect(await items().first().getAttribute('data-status')).toBe('done');

    await setRange('[data-testid="analysis-elasticity"]', '0.3');
    await expect.poll(() => hashParam(ui.page.url(), 'ae')).toBe('0.3');
    await expect.poll(() => flywheelPosts.length).toBe(2);
    await ready();
    await ui.page.fill('[data-testid="analysis-name"]', 'fast growth');
    await ui.page.press('[data-testid="analysis-name"]', 'Enter');
    await expect.poll(() => items().count()).toBe(2);

    await items().nth(1).locator('input[data-act="tick"]').check();
    await items().nth(0).locator('input[data-act="tick"]').check();
    expect(await ui.page.isEnabled('[data-testid="analysis-compare-btn"]')).toBe(true);
    await ui.page.click('[data-testid="analysis-compare-btn"]');
    await ui.page.waitForSelector('[data-testid="analysis-compare"]');
    const head = await ui.page.innerText('[data-testid="analysis-compare"] thead');
    expect(head).toMatch(/A · slow growth/);
    expect(head).toMatch(/B · fast growth/);
    // More elasticity: more merchants at the end (better, blue); the same cost per parcel baseline in week 1.
    const row = ui.page.locator('[data-testid="analysis-compare"] tr[data-kpi="merchantsEnd"] td.diff');
    expect(await row.getAttribute('class')).toMatch(/good/);
    expect(await row.innerText()).toMatch(/^\+/);
    await ui.page.screenshot({ path: `${shotDir}/analysis-compare.png` });

    // A closed hub is a scenario input: it re-runs, shows in the meta line and the URL.
    await ui.page.waitForSelector('[data-testid="analysis-close-hub"] option[value="hub-shanghai"]', { state: 'attached' });
    await ui.page.selectOption('[data-testid="analysis-close-hub"]', 'hub-shanghai');
    await expect.poll(() => hashParam(ui.page.url(), 'aclosed')).toBe('hub-shanghai');
    await expect.poll(() => flywheelPosts.length).toBe(3);
    await ready();
    expect(await ui.page.innerText('[data-testid="analysis-meta"]')).toMatch(/closed: hub-shanghai/);
    expect(await ui.page.innerText('[data-testid="analysis-closed"]')).toMatch(/Shanghai/);
    expect(await ui.page.locator('[data-testid="analysis-close-hub"] option[value="hub-shanghai"]').count()).toBe(0);
    // Reopening it goes back to the earlier inputs: shown from the page's memory, no new job.
    await ui.page.click('[data-testid="analysis-closed"] [data-act="reopen-hub"]');
    await expect.poll(() => hashParam(ui.page.url(), 'aclosed')).toBe(null);
    await ready();
    expect(await ui.page.innerText('[data-testid="analysis-meta"]')).not.toMatch(/closed/);
    expect(flywheelPosts.length).toBe(3);
  });

  it('opens on a stored scenario of the same inputs without running, cancels a run, deletes a scenario', async () => {
    const before = flywheelPosts.length;
    await ui.page.goto('about:blank');
    await ui.page.goto(`${ui.base}#view=analysis&ap=3&ac=5&ae=0.3`, { waitUntil: 'load' });
    await ready();
    expect(await ui.page.innerText('[data-testid="analysis-meta"]')).toMatch(/scenario “fast growth”/);
    expect(flywheelPosts.length).toBe(before);

    // A longer run, cancelled: the previous result stays.
    await setRange('[data-testid="analysis-periods"]', '30');
    await ui.page.waitForSelector('[data-testid="analysis-cancel"]');
    await ui.page.click('[data-testid="analysis-cancel"]');
    await ui.page.waitForSelector('[data-testid="analysis-panel"][data-state="cancelled"]');
    expect(await ui.page.innerText('[data-testid="analysis-notice"]')).toMatch(/cancelled/i);
    expect(await ui.page.getAttribute('[data-testid="analysis-dash"]', 'class')).toMatch(/stale/);

    await items().first().locator('[data-act="delete"]').click();
    await expect.poll(() => items().count()).toBe(1);
    expect(ui.consoleErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });
});
