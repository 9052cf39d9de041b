// Browser test of the Flows view: serves the built UI and the API from buildApp() on a free port and
// drives Debian's headless Chromium. The plan is solved on the 12 most populous cities (132 pairs, a
// synchronous answer in well under a second); the job path (every city, mixed-integer: 202, progress,
// Cancel) is started and cancelled, not waited for.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';

const hashParam = (url: string, key: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(key);

describeInBrowser('Flows view in headless Chromium', () => {
  const ui = useBrowser();
  const calls: string[] = [];

  const waitState = (state: string, timeout = 20_000) => ui.page.waitForSelector(`[data-testid="flows-panel"][data-state="${state}"]`, { timeout });
  const paneShown = (name: string) => ui.page.$eval(`.leaflet-${name}-pane`, (el) => getComputedStyle(el).display !== 'none');
  const widths = () => ui.page.$$eval('path.hf-flow', (ps) => ps.map((p) => Number(p.getAttribute('stroke-width'))));

  beforeAll(async () => {
    ui.page.on('response', (r) => {
      if (r.url().includes('/api/allocations')) calls.push(`${r.request().method()} ${new URL(r.url()).pathname.replace(/jobs\/[^/]+$/, 'jobs/:id')} ${r.status()}`);
    });
  }, 30_000);

  it('solves on opening and draws lanes with widths by flow, hubs filled by utilisation, and the panel', async () => {
    await ui.page.goto(`${ui.base}#view=flows&fcities=12`, { waitUntil: 'load' });
    await waitState('ready');
    expect(calls).toContain('POST /api/allocations 200');
    const w = await widths();
    expect(w.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...w)).toBeCloseTo(14, 5);
    expect(new Set(w.map((x) => x.toFixed(1))).size).toBeGreaterThanOrEqual(3);
    expect(await ui.page.locator('path.hf-flow-rail').count()).toBeGreaterThan(0);
    expect(await ui.page.locator('.hf-flow-hub svg[data-hub]').count()).toBe(32);
    expect(await ui.page.innerText('[data-testid="flows-legend"]')).toMatch(/Width = flow[\s\S]*t\/day[\s\S]*not drawn/);
    expect(await ui.page.innerText('[data-testid="flows-cost"]')).toMatch(/^¥[\d.]+ M\/day$/);
    expect(await ui.page.isVisible('[data-testid="flows-bottlenecks"]')).toBe(true);
    expect(await ui.page.locator('[data-testid="flows-costs"] tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(await ui.page.isVisible('[data-testid="flows-diff"]')).toBe(false);
    expect(await ui.page.innerText('[data-testid="flows-result"] .result-title')).toBe('PLAN · EVERY HUB OPEN (LP)');
    expect(await ui.page.locator('[data-testid="flows-decided"]').count()).toBe(0);
    await ui.page.screenshot({ path: `${shotDir}/flows-plan.png` });
    // leaving the tab hides the flows and the legend; the network's lanes come back; returning redraws
    await ui.page.click('[data-testid="tab-paths"]');
    expect(await ui.page.locator('path.hf-flow').count()).toBe(0);
    expect(await ui.page.locator('[data-testid="flows-legend"]').count()).toBe(0);
    expect(await paneShown('lanes')).toBe(true);
    await ui.page.click('[data-testid="tab-flows"]');
    expect(await ui.page.locator('path.hf-flow').count()).toBe(w.length);
    expect(await paneShown('lanes')).toBe(false);
  }, 30_000);

  it('a what-if capacity on a hub clicked on the map re-solves and shows the difference and the new bottleneck', async () => {
    await ui.page.locator('.hf-flow-hub svg[data-hub="hub-shanghai"]').dispatchEvent('click');
    await ui.page.waitForSelector('[data-testid="flows-editor"][data-id="hub-shanghai"]');
    await ui.page.fill('[data-testid="flows-cap-input"]', '1500');
    await ui.page.click('[data-testid="flows-cap-apply"]');
    expect(await ui.page.innerText('[data-testid="flows-edits"] .flows-chips')).toMatch(/Shanghai hub: 1,500 t\/day/);
    expect(await ui.page.isVisible('[data-testid="flows-pending"]')).toBe(true);
    await expect.poll(() => hashParam(ui.page.url(), 'fhcap')).toBe('hub-shanghai:1500');
    const before = await ui.page.innerText('[data-testid="flows-cost"]');
    await ui.page.click('[data-testid="flows-solve"]');
    await ui.page.waitForSelector('[data-testid="flows-diff"]');
    await waitState('ready');
    expect(await ui.page.innerText('[data-testid="flows-cost"]')).not.toBe(before);
    expect(await ui.page.innerText('[data-testid="flows-diff-cost"]')).toMatch(/^Cost \+¥[\d.,]+ (M|k)?\/day/);
    expect(await ui.page.innerText('[data-testid="flows-diff-count"]')).toMatch(/^\d+ lanes gained flow, \d+ lost flow$/);
    expect(await ui.page.locator('[data-testid="flows-diff-lanes"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    // the map shows the change: gains and losses
    expect(await ui.page.locator('path.hf-flow-gain').count()).toBeGreaterThan(0);
    expect(await ui.page.locator('path.hf-flow-loss').count()).toBeGreaterThan(0);
    const first = await ui.page.innerText('[data-testid="flows-bottleneck"] >> nth=0');
    expect(first).toMatch(/1 more t\/day at (Shanghai|Ningbo) hub saves ¥[\d,]+\/day/);
    expect(await ui.page.getAttribute('.hf-flow-hub svg[data-hub="hub-shanghai"]', 'data-util')).toBe('1.0000');
    await ui.page.screenshot({ path: `${shotDir}/flows-diff.png` });
    await ui.page.click('label:has([data-testid="flows-show-plan"])');
    expect(await ui.page.locator('path.hf-flow-gain').count()).toBe(0);
    expect(await ui.page.locator('path.hf-flow-rail, path.hf-flow-sea').count()).toBeGreaterThan(0);
  }, 30_000);

  it('a large solve runs as a job with a progress bar, and Cancel stops it and keeps the previous plan', async () => {
    await ui.page.selectOption('[data-testid="flows-cities"]', 'all');
    await ui.page.click('label:has([data-testid="flows-model-mip"])');
    await ui.page.click('[data-testid="flows-solve"]');
    await ui.page.waitForSelector('[data-testid="flows-cancel"]');
    expect(await ui.page.isVisible('[data-testid="flows-progress"] .progress')).toBe(true);
    await ui.page.click('[data-testid="flows-cancel"]');
    await waitState('cancelled');
    expect(await ui.page.innerText('[data-testid="flows-cancelled"]')).toMatch(/previous plan/);
    expect(await ui.page.locator('path.hf-flow').count()).toBeGreaterThan(0);
    await expect.poll(() => calls.some((c) => c.startsWith('DELETE /api/allocations/jobs/:id 200')), { timeout: 10_000 }).toBe(true);
    expect(calls).toContain('POST /api/allocations 202');
    expect(hashParam(ui.page.url(), 'fmip')).toBe('1');
    expect(ui.consoleErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  }, 30_000);
});
