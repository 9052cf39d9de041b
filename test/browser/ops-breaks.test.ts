// Browser test of the lunch break in the Operations view: a fleet with a lunch break that must start
// early (08:00–08:20) so every route takes it; the stops table shows it as a row "Break HH:MM–HH:MM".
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, openPage, shotDir, startServer } from './harness.js';

describeInBrowser('Operations view: lunch break', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const state = (s: string) => page.waitForSelector(`[data-testid="ops-panel"][data-state="${s}"]`, { timeout: 15_000 });

  beforeAll(async () => {
    ({ app, base } = await startServer());
    ({ browser, page } = await openPage(base, { consoleErrors, foreignRequests }));
    page.setDefaultTimeout(15_000);
    mkdirSync(shotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the break as a row of the stops table; a bad lunch window is explained', async () => {
    await page.goto(`${base}#view=ops`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="ops-sample-baltimore"]');
    const text = 'id,lon,lat,kg\nA,-76.600,39.300,30\nB,-76.570,39.280,60\nC,-76.585,39.295,10\n';
    await page.setInputFiles('[data-testid="ops-file"]', { name: 'lunch.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.waitForSelector('[data-testid="ops-map-apply"]');
    await page.click('[data-testid="ops-map-apply"]');
    await state('ready');
    await page.fill('#ops-depot', '-76.58, 39.29');
    await page.press('#ops-depot', 'Enter');
    await page.fill('#ops-seconds', '1');
    expect(await page.inputValue('#ops-lunch-from')).toBe('11:30');
    await page.fill('#ops-lunch-to', '08:00');
    await page.fill('#ops-lunch', '30');
    await page.dispatchEvent('#ops-lunch', 'change');
    expect(await page.innerText('[data-testid="ops-fleet-error"]')).toContain('Lunch break');
    await page.fill('#ops-lunch-from', '08:00');
    await page.fill('#ops-lunch-to', '08:20');
    await page.dispatchEvent('#ops-lunch-to', 'change');
    expect(await page.isHidden('[data-testid="ops-fleet-error"]')).toBe(true);
    await page.click('[data-testid="ops-solve"]');
    await state('solved');
    const rows = page.locator('[data-testid="ops-break"]');
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.first().innerText()).toMatch(/Break 08:[0-2]\d–08:[3-5]\d/);
    await page.screenshot({ path: `${shotDir}/ops-lunch-break.png` });
    expect(consoleErrors).toEqual([]);
  });
});
