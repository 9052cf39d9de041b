// Browser test of the Quote view: serves the built UI (dist/web, built by `npm test` first) and the
// API from buildApp() on a free port and drives Debian's headless Chromium with playwright-core.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';


interface Place {
  id: string;
  kind: 'city' | 'hub';
  name: string;
  country: string;
  population?: number;
}

/** "¥1,207.50" → 1207.5 */
const yuan = (s: string) => Number(s.replace(/[¥,\s]/g, ''));

describeInBrowser('Quote view in headless Chromium', () => {
  const ui = useBrowser();
  let cities: Place[];

  beforeAll(async () => {
    const places = ((await ui.app.inject({ url: '/api/places' })).json() as { places: Place[] }).places;
    cities = places.filter((p) => p.kind === 'city' && p.country === 'CN').sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  });

  it('quotes two cities and draws the selected option on the map', async () => {
    const [a, b] = cities;
    await ui.page.goto(ui.base, { waitUntil: 'load' });
    await ui.page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
    await ui.page.click('[data-testid="tab-quote"]');
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('view=quote');
    expect(await ui.page.isVisible('[data-testid="path-panel"]')).toBe(false);

    await ui.page.fill('[data-testid="quote-from-input"]', a.name);
    await ui.page.click(`[data-testid="quote-from-options"] [data-id="${a.id}"]`);
    await ui.page.fill('[data-testid="quote-to-input"]', b.name);
    await ui.page.waitForSelector(`[data-testid="quote-to-options"] li.active[data-id="${b.id}"]`);
    await ui.page.press('[data-testid="quote-to-input"]', 'Enter');
    await ui.page.fill('[data-testid="quote-weight"]', '2.5');
    await ui.page.click('[data-testid="get-quote"]');
    await ui.page.waitForSelector('[data-testid="quote-panel"][data-state="quoted"]', { timeout: 10_000 });

    const cards = ui.page.locator('[data-testid="quote-option"]');
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(1);
    const prices = (await cards.locator('[data-testid="quote-price"]').allInnerTexts()).map(yuan);
    expect(prices.every((p) => p > 0)).toBe(true);
    expect(await ui.page.innerText('[data-testid="quote-summary"]')).toContain(b.name);
    // The same prices as the API for the same request.
    const api = (await ui.app.inject({ method: 'POST', url: '/api/quotes', payload: { origin: a.id, destination: b.id, weightKg: 2.5 } })).json() as {
      options: { priceCny: number; tags: string[]; path: { legs: { from: string; to: string; mode: string }[] } }[];
    };
    expect(prices).toEqual(api.options.map((o) => o.priceCny));
    expect(await ui.page.locator('[data-testid="quote-tag"]').count()).toBe(api.options.reduce((s, o) => s + o.tags.length, 0));

    // The breakdown of each card adds up to its price.
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      await card.locator('summary').click();
      const amounts = (await card.locator('[data-testid="breakdown-row"] td.num').allInnerTexts()).map(yuan);
      const total = yuan(await card.locator('[data-testid="breakdown-total"]').innerText());
      expect(total).toBe(prices[i]);
      expect(Math.round(amounts.reduce((s, x) => s + x, 0) * 100)).toBe(Math.round(total * 100));
    }

    // The first option is drawn; clicking the last one selects it and draws its path instead.
    await ui.page.waitForSelector('path.hf-quote-leg', { state: 'attached' });
    const last = cards.nth(n - 1);
    await last.click({ position: { x: 10, y: 10 } });
    await expect.poll(() => last.getAttribute('class')).toContain('selected');
    expect(await ui.page.locator('[data-testid="quote-option"].selected').count()).toBe(1);
    // One line per leg of the API's answer, each in its mode's class.
    const legs = api.options[n - 1].path.legs;
    expect(legs.length).toBeGreaterThan(0);
    expect(await ui.page.locator('path.hf-quote-leg').count()).toBe(legs.length);
    for (const mode of new Set(legs.map((l) => l.mode))) {
      expect(await ui.page.locator(`path.hf-quote-${mode}`).count()).toBe(legs.filter((l) => l.mode === mode).length);
    }
    expect(await ui.page.getAttribute('#map', 'data-quote-legs')).toBe('modes');
    expect(await ui.page.locator('[data-testid="quote-route-from"]').count()).toBe(1);
    expect(await ui.page.locator('[data-testid="quote-route-to"]').count()).toBe(1);
    expect(await ui.page.getAttribute('#map', 'class')).toContain('has-quote');

    const hash = new URL(ui.page.url()).hash;
    expect(hash).toContain(`qfrom=${a.id}`);
    expect(hash).toContain(`qto=${b.id}`);
    expect(hash).toContain('qweight=2.5');
    await ui.page.waitForSelector('#map:not([data-moving])');
    await ui.page.screenshot({ path: `${shotDir}/quote.png` });
  });

  it('opens the Quote view and its answer from a link, and keeps the path planner apart', async () => {
    await ui.page.reload({ waitUntil: 'load' });
    await ui.page.waitForSelector('[data-testid="quote-option"]', { timeout: 10_000 });
    expect(await ui.page.isVisible('[data-testid="quote-panel"]')).toBe(true);
    expect(await ui.page.getAttribute('[data-testid="tab-quote"]', 'aria-selected')).toBe('true');
    expect(await ui.page.inputValue('[data-testid="quote-weight"]')).toBe('2.5');
    // The path planner's view: its panel is back and the quote's drawing is hidden.
    await ui.page.click('[data-testid="tab-paths"]');
    expect(await ui.page.isVisible('[data-testid="path-panel"]')).toBe(true);
    expect(await ui.page.isVisible('[data-testid="quote-view"]')).toBe(false);
    expect(new URL(ui.page.url()).hash).not.toContain('view=');
    expect(await ui.page.locator('.leaflet-quote-route-pane').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await ui.page.click('[data-testid="tab-quote"]');
    expect(await ui.page.locator('.leaflet-quote-route-pane').evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  });

  it('takes the cities from clicks on the map while the Quote view is open', async () => {
    const planner = await ui.page.inputValue('[data-testid="from-input"]');
    await ui.page.click('[data-testid="quote-clear"]');
    expect(await ui.page.inputValue('[data-testid="quote-from-input"]')).toBe('');
    expect(await ui.page.locator('path.hf-quote-leg').count()).toBe(0);
    const hubs = ui.page.locator('.leaflet-marker-icon.hf-hub');
    await hubs.nth(0).dispatchEvent('click');
    await expect.poll(() => ui.page.inputValue('[data-testid="quote-from-input"]')).not.toBe('');
    await hubs.nth(1).dispatchEvent('click');
    await expect.poll(() => ui.page.inputValue('[data-testid="quote-to-input"]')).not.toBe('');
    await ui.page.waitForSelector('[data-testid="quote-panel"][data-state="quoted"], [data-testid="quote-panel"][data-state="none"]');
    // The path planner's inputs are its own.
    expect(await ui.page.inputValue('[data-testid="from-input"]')).toBe(planner);
  });

  it('checks the form before asking and shows the API problem on the field it names', async () => {
    await ui.page.fill('[data-testid="quote-weight"]', '');
    await ui.page.click('[data-testid="get-quote"]');
    const weightError = ui.page.locator('[data-testid="error-weightKg"]');
    await expect.poll(() => weightError.isVisible()).toBe(true);
    expect(await weightError.innerText()).toMatch(/weight/i);
    expect(await ui.page.getAttribute('[data-testid="quote-weight"]', 'aria-invalid')).toBe('true');

    // Too heavy: only the API knows the limit; its detail appears under the weight.
    const [a, b] = cities;
    const res = await ui.app.inject({ method: 'POST', url: '/api/quotes', payload: { origin: a.id, destination: b.id, weightKg: 5000 } });
    expect(res.statusCode).toBe(400);
    const problem = res.json() as { detail: string; field: string };
    expect(problem.field).toBe('weightKg');
    await ui.page.fill('[data-testid="quote-weight"]', '5000');
    await ui.page.click('[data-testid="get-quote"]');
    await ui.page.waitForSelector('[data-testid="quote-panel"][data-state="error"]', { timeout: 10_000 });
    expect(await weightError.innerText()).toBe(problem.detail);
    expect(await ui.page.innerText('[data-testid="quote-error"]')).toContain(problem.detail);
    expect(await ui.page.locator('path.hf-quote-leg').count()).toBe(0);

    // An unknown city in a link: the 404's detail is shown on the origin.
    await ui.page.goto('about:blank');
    await ui.page.goto(`${ui.base}#view=quote&qfrom=no-such-city&qto=${b.id}&qweight=1`, { waitUntil: 'load' });
    const originError = ui.page.locator('[data-testid="error-origin"]');
    await originError.waitFor({ timeout: 10_000 });
    expect(await originError.innerText()).toContain('no-such-city');
    expect(await ui.page.getAttribute('[data-testid="quote-from-input"]', 'aria-invalid')).toBe('true');
  });

  it('quotes a CSV batch: a bad row gets its own error, the others are quoted, the answer downloads', async () => {
    await ui.page.click('[data-testid="sub-batch"]');
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('view=batch');
    // The sample file is made in the browser from real ids.
    const sample = await ui.page.locator('[data-testid="batch-sample"]').evaluate(async (el) => (await fetch((el as HTMLAnchorElement).href)).text());
    const sampleRows = sample.trim().split('\n');
    expect(sampleRows[0]).toBe('origin,destination,weightKg,lengthCm,widthCm,heightCm,declaredValueCny,service,shipAt');
    expect(sampleRows.length).toBeGreaterThan(3);
    expect(sampleRows.slice(1).every((r) => cities.some((c) => c.id === r.split(',')[0]))).toBe(true);

    const [a, b, c] = cities;
    const csv = `origin,destination,weightKg,lengthCm,widthCm,heightCm\n${a.id},${b.id},1.5,,,\nno-such-city,${b.id},1,,,\n${c.id},${a.id},3,30,20,10\n`;
    await ui.page.setInputFiles('[data-testid="batch-file"]', { name: 'parcels.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await ui.page.waitForSelector('[data-testid="batch-summary"]', { timeout: 10_000 });
    expect(await ui.page.innerText('[data-testid="batch-quoted"] .tile-value')).toBe('2');
    expect(await ui.page.innerText('[data-testid="batch-error-count"] .tile-value')).toBe('1');
    const errors = ui.page.locator('[data-testid="batch-error"]');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().innerText()).toMatch(/^Row 2\b.*no-such-city/);
    const link = ui.page.locator('[data-testid="batch-download"]');
    expect(await link.getAttribute('download')).toBe('quotes.csv');
    const out = await link.evaluate(async (el) => (await fetch((el as HTMLAnchorElement).href)).text());
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^row,origin,destination,service,priceCny/);
    expect(lines.filter((l) => l.startsWith('2,')).length).toBe(1);
    expect(lines.filter((l) => l.startsWith('1,') || l.startsWith('3,')).length).toBeGreaterThanOrEqual(2);
  });

  it('shows the problem detail when the whole file is rejected', async () => {
    const csv = 'origin,dest,weightKg\nshanghai,beijing,1\n';
    const res = await ui.app.inject({ method: 'POST', url: '/api/quotes/batch', headers: { 'content-type': 'text/csv', accept: 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(400);
    const detail = (res.json() as { detail: string }).detail;
    await ui.page.setInputFiles('[data-testid="batch-file"]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const box = ui.page.locator('[data-testid="batch-error-file"]');
    await box.waitFor({ timeout: 10_000 });
    expect(await box.innerText()).toContain(detail);
  });

  it('logs no console errors but the failed requests, and fetches nothing from other hosts', () => {
    expect(ui.consoleErrors.filter((e) => !/status of (400|404)/.test(e))).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });
});
