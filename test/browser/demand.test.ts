// Browser test of the Demand view: serves the built UI (dist/web, built by `npm test` first) and the
// API from buildApp() on a free port and drives Debian's headless Chromium with playwright-core.
// The forecast is asked for with model=theta (all 130 cities ≈ 1.2 CPU s on the server, as a job)
// to keep the test fast; the default (auto, ≈ 11 CPU s) is the same code path.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';
import type { DemandForecast } from '../../web/src/demand-types.js';


const hashParam = (url: string, key: string) => new URLSearchParams(new URL(url).hash.slice(1)).get(key);

describeInBrowser('Demand view in headless Chromium', () => {
  const ui = useBrowser();
  /** Status of every POST /api/forecasts, and the job ids polled / cancelled, in order. */
  const posts: number[] = [];
  const jobIds: string[] = [];
  const polls: string[] = [];

  const waitState = (state: string, timeout = 60_000) => ui.page.waitForSelector(`[data-testid="demand-panel"][data-state="${state}"]`, { timeout });
  const radius = async (id: string) => Number(await ui.page.getAttribute(`path.hf-demand-city[data-id="${id}"]`, 'data-r'));

  beforeAll(async () => {
    ui.page.on('request', (r) => {
      const u = r.url();
      const m = /\/api\/forecasts\/jobs\/([^/?]+)/.exec(u);
      if (m) polls.push(`${r.method()} ${m[1]}`);
    });
    ui.page.on('response', async (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/api/forecasts')) {
        posts.push(r.status());
        if (r.status() === 202) jobIds.push(((await r.json()) as { jobId: string }).jobId);
      }
    });
  }, 30_000);

  it('runs the forecast as a job, then draws one circle per city sized by the day chosen', async () => {
    await ui.page.goto(ui.base, { waitUntil: 'load' });
    await ui.page.waitForSelector('body[data-state="ready"]');
    await ui.page.click('[data-testid="tab-demand"]');
    await expect.poll(() => hashParam(ui.page.url(), 'view')).toBe('demand');
    expect(await ui.page.isVisible('[data-testid="demand-panel"]')).toBe(true);
    expect(await ui.page.innerText('[data-testid="demand-synthetic"]')).toMatch(/synthetic demand, seeded generator/i);
    expect(await ui.page.isVisible('[data-testid="demand-synthetic-banner"]')).toBe(true);
    // The default model; switch to theta to keep the test fast (this starts the request again).
    expect(await ui.page.inputValue('[data-testid="demand-model"]')).toBe('auto');
    await ui.page.selectOption('[data-testid="demand-model"]', 'theta');
    await ui.page.selectOption('[data-testid="demand-horizon"]', '14');
    await expect.poll(() => hashParam(ui.page.url(), 'dmodel')).toBe('theta');
    expect(hashParam(ui.page.url(), 'dh')).toBe('14');
    await waitState('ready');

    // The theta request answered 202 with a job, polled until done (progress shown meanwhile).
    expect(posts.at(-1)).toBe(202);
    const job = jobIds.at(-1)!;
    expect(polls.filter((p) => p === `GET ${job}`).length).toBeGreaterThan(0);
    // The earlier (auto, 28 d) job was cancelled when the inputs changed.
    expect(polls.filter((p) => p.startsWith('DELETE')).length).toBeGreaterThan(0);

    // The same request now answers 200 from the cache: one circle per city of the answer.
    const res = await ui.app.inject({ method: 'POST', url: '/api/forecasts', payload: { horizonDays: 14, model: 'theta' } });
    expect(res.statusCode).toBe(200);
    const f = res.json() as DemandForecast;
    expect(f.cities.length).toBeGreaterThan(100);
    await expect.poll(() => ui.page.locator('path.hf-demand-city').count()).toBe(f.cities.length);
    expect(await ui.page.getAttribute('#map', 'data-demand-circles')).toBe(String(f.cities.length));
    // The network is hidden while the tab is open.
    expect(await ui.page.locator('path.hf-lane').first().isVisible()).toBe(false);
    expect(await ui.page.locator('.hf-hub').first().isVisible()).toBe(false);
    expect(await ui.page.locator('path.hf-city').first().isVisible()).toBe(false);

    // Largest city on day 1: its circle carries the API's mean, and is the largest.
    const big = [...f.cities].sort((a, b) => b.origin.forecast.mean[0] - a.origin.forecast.mean[0])[0];
    const sel = `path.hf-demand-city[data-id="${big.id}"]`;
    expect(Number(await ui.page.getAttribute(sel, 'data-value'))).toBeCloseTo(big.origin.forecast.mean[0], 6);
    const r0 = await radius(big.id);
    const rs = await ui.page.$$eval('path.hf-demand-city', (els) => els.map((e) => Number(e.getAttribute('data-r'))));
    expect(r0).toBe(Math.max(...rs));
    expect(await ui.page.innerText('[data-testid="demand-date"]')).toContain('Thu 1 Jan 2026');

    // Move the slider three days on: the date, the URL and the circle's radius follow.
    await ui.page.focus('[data-testid="demand-slider"]');
    for (let i = 0; i < 3; i++) await ui.page.keyboard.press('ArrowRight');
    await expect.poll(() => hashParam(ui.page.url(), 'dday')).toBe('3');
    expect(await ui.page.innerText('[data-testid="demand-date"]')).toContain('Sun 4 Jan 2026');
    const m3 = big.origin.forecast.mean[3];
    expect(Number(await ui.page.getAttribute(sel, 'data-value'))).toBeCloseTo(m3, 6);
    expect(m3).not.toBeCloseTo(big.origin.forecast.mean[0], 0);
    expect(await radius(big.id)).not.toBe(r0);
    // sqrt scale: radius ratio = sqrt of the value ratio (the largest value over the horizon gets the max radius).
    const maxV = Math.max(...f.cities.flatMap((c) => c.origin.forecast.mean));
    expect((await radius(big.id)) / 26).toBeCloseTo(Math.sqrt(m3 / maxV), 2);

    // National totals in the panel while no city is chosen.
    expect(await ui.page.getAttribute('[data-testid="demand-detail"]', 'data-city')).toBe('national');
    expect(await ui.page.innerText('[data-testid="demand-city-title"]')).toContain('China');
    expect(await ui.page.locator('[data-testid="demand-band-95"]').count()).toBe(1);
  });

  it('shows a clicked city\'s chart with the bands, model and backtest error; colours switch to the error', async () => {
    const res = await ui.app.inject({ method: 'POST', url: '/api/forecasts', payload: { horizonDays: 14, model: 'theta' } });
    const f = res.json() as DemandForecast;
    const c = f.cities.find((x) => x.id === 'urumqi') ?? f.cities[0];
    await ui.page.click(`path.hf-demand-city[data-id="${c.id}"]`);
    await expect.poll(() => ui.page.getAttribute('[data-testid="demand-detail"]', 'data-city')).toBe(c.id);
    expect(hashParam(ui.page.url(), 'dcity')).toBe(c.id);
    expect(await ui.page.innerText('[data-testid="demand-city-title"]')).toContain(c.name);
    for (const lvl of ['80', '95']) {
      const d = (await ui.page.getAttribute(`[data-testid="demand-band-${lvl}"]`, 'd')) ?? '';
      expect(d).toMatch(/^M.*Z$/);
      expect((d.match(/L/g) ?? []).length).toBe(2 * (14 + 1) - 1); // last history point + 14 days, up and back
    }
    expect(await ui.page.locator('[data-testid="demand-mean"]').count()).toBe(1);
    expect(await ui.page.locator('[data-testid="demand-history"]').count()).toBe(1);
    expect(await ui.page.innerText('[data-testid="demand-model-name"]')).toBe(c.origin.model);
    expect(await ui.page.innerText('[data-testid="demand-backtest"]')).toContain(`sMAPE ${c.origin.backtest.smape!.toFixed(1)} %`);
    expect(Number(await ui.page.getAttribute('[data-testid="demand-day-value"]', 'data-value'))).toBeCloseTo(c.origin.forecast.mean[3], 6);
    expect(await ui.page.getAttribute(`path.hf-demand-city[data-id="${c.id}"]`, 'class')).toContain('selected');

    // Received parcels, coloured by the backtest error: legend ramp labelled sMAPE.
    await ui.page.click('[data-testid="demand-dir-destination"]');
    await ui.page.click('[data-testid="demand-color-error"]');
    await expect.poll(() => hashParam(ui.page.url(), 'dcolor')).toBe('error');
    expect(hashParam(ui.page.url(), 'ddir')).toBe('destination');
    expect(await ui.page.innerText('[data-testid="demand-legend"]')).toMatch(/smape/i);
    expect(await ui.page.innerText('[data-testid="demand-backtest"]')).toContain(`sMAPE ${c.destination.backtest.smape!.toFixed(1)} %`);
    const fills = await ui.page.$$eval('path.hf-demand-city', (els) => new Set(els.map((e) => e.getAttribute('fill'))).size);
    expect(fills).toBeGreaterThan(5);

    await ui.page.waitForSelector('#map:not([data-moving])');
    await ui.page.screenshot({ path: `${shotDir}/demand.png` });
  });

  it('keeps its state in the URL (answered from the cache on reload) and cancels a running job', async () => {
    const before = posts.length;
    await ui.page.reload({ waitUntil: 'load' });
    await waitState('ready', 20_000);
    expect(posts[before]).toBe(200);
    expect(await ui.page.getAttribute('[data-testid="demand-detail"]', 'data-city')).toBe(hashParam(ui.page.url(), 'dcity'));
    expect(await ui.page.inputValue('[data-testid="demand-slider"]')).toBe('3');
    expect(await ui.page.getAttribute('[data-testid="demand-color-error"] input', 'checked')).not.toBeNull();

    // A new model: a job; Cancel deletes it on the server and says so.
    await ui.page.selectOption('[data-testid="demand-model"]', 'ets');
    await waitState('running', 10_000);
    await ui.page.waitForSelector('[data-testid="demand-progress"]');
    await ui.page.click('[data-testid="demand-cancel"]');
    await waitState('cancelled', 5_000);
    expect(await ui.page.isVisible('[data-testid="demand-retry"]')).toBe(true);
    const job = jobIds.at(-1)!;
    await expect.poll(() => polls.includes(`DELETE ${job}`)).toBe(true);
    await expect.poll(async () => ((await ui.app.inject({ url: `/api/forecasts/jobs/${job}` })).json() as { status: string }).status).toBe('cancelled');
    // The previous forecast stays on the map.
    expect(await ui.page.locator('path.hf-demand-city').count()).toBeGreaterThan(100);

    // Leaving the tab hides the circles and brings the network back.
    await ui.page.click('[data-testid="tab-paths"]');
    await expect.poll(() => hashParam(ui.page.url(), 'view')).toBeNull();
    expect(await ui.page.locator('path.hf-demand-city').first().isVisible()).toBe(false);
    expect(await ui.page.locator('path.hf-lane').first().isVisible()).toBe(true);
    expect(await ui.page.isVisible('[data-testid="demand-legend"]')).toBe(false);

    expect(ui.consoleErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });
});
