// Browser test of the map UI: serves the built UI (dist/web, built by `npm test` first) and the API
// from buildApp() on a free port, drives Debian's headless Chromium with playwright-core, and saves
// a screenshot to test/browser/__screenshots__/map.png.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';


interface Place {
  id: string;
  kind: 'city' | 'hub';
  name: string;
  population?: number;
}

// Without Chromium the test is skipped on a workstation but fails in CI (process.env.CI).
describeInBrowser('map UI in headless Chromium', () => {
  const ui = useBrowser({ pageTimeoutMs: null });
  let places: Place[];

  beforeAll(async () => {
    places = ((await ui.app.inject({ url: '/api/places' })).json() as { places: Place[] }).places;
  });

  it('draws the basemap, the markers and the lanes', async () => {
    await ui.page.goto(ui.base, { waitUntil: 'load' });
    await ui.page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
    const net = (await ui.app.inject({ url: '/api/network' })).json() as { features: { properties: { kind: string } }[] };
    const count = (kind: string) => net.features.filter((f) => f.properties.kind === kind).length;
    expect(count('city')).toBeGreaterThan(0);
    expect(count('lane')).toBeGreaterThan(0);

    expect(await ui.page.locator('path.hf-city').count()).toBe(count('city'));
    expect(await ui.page.locator('.leaflet-marker-icon.hf-hub').count()).toBe(count('hub'));
    expect(await ui.page.locator('path.hf-lane').count()).toBe(count('lane'));
    expect(await ui.page.locator('.leaflet-marker-icon.hf-hub-ehub').count()).toBeGreaterThan(0);
    // Countries and provinces are drawn on canvas, one per pane.
    expect(await ui.page.locator('.leaflet-countries-pane canvas').count()).toBe(1);
    expect(await ui.page.locator('.leaflet-provinces-pane canvas').count()).toBe(1);
    await expect.poll(() => ui.page.locator('.leaflet-control-attribution').innerText()).toContain('GeoNames');
    // The legend toggles a mode's layer off and on.
    const roads = await ui.page.locator('path.hf-lane-road').count();
    await ui.page.click('[data-testid="toggle-road"] input');
    expect(await ui.page.locator('path.hf-lane-road').count()).toBe(0);
    await ui.page.click('[data-testid="toggle-road"] input');
    expect(await ui.page.locator('path.hf-lane-road').count()).toBe(roads);
  });

  it('plans a path between two cities picked in the search boxes', async () => {
    const cities = places.filter((p) => p.kind === 'city').sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    const [a, b] = cities;
    // The origin by clicking its option, the destination by keyboard (the exact name comes first).
    await ui.page.fill('[data-testid="from-input"]', a.name);
    await ui.page.click(`[data-testid="from-options"] [data-id="${a.id}"]`);
    await ui.page.fill('[data-testid="to-input"]', b.name);
    await ui.page.waitForSelector(`[data-testid="to-options"] li.active[data-id="${b.id}"]`);
    await ui.page.press('[data-testid="to-input"]', 'Enter');
    await ui.page.waitForSelector('[data-testid="leg-row"]', { timeout: 10_000 });
    const legs = await ui.page.locator('[data-testid="leg-row"]').count();
    expect(legs).toBeGreaterThan(0);
    expect(await ui.page.locator('path.hf-route-leg').count()).toBe(legs);
    expect(await ui.page.locator('[data-testid="route-from"]').count()).toBe(1);
    expect(await ui.page.locator('[data-testid="route-to"]').count()).toBe(1);
    const summary = await ui.page.innerText('[data-testid="path-summary"]');
    expect(summary).toContain(a.name);
    expect(summary).toContain(b.name);
    const rows = ui.page.locator('[data-testid="leg-row"]');
    expect(await rows.first().locator('td').first().innerText()).toBe(a.name);
    expect(await rows.last().locator('td').nth(1).innerText()).toBe(b.name);
    const hash = new URL(ui.page.url()).hash;
    expect(hash).toContain(`from=${a.id}`);
    expect(hash).toContain(`to=${b.id}`);

    await ui.page.waitForSelector('#map:not([data-moving])');
    await ui.page.screenshot({ path: `${shotDir}/map.png` });
  });

  it('restores the view and the path from the URL', async () => {
    await ui.page.click('[data-testid="objective-time"]');
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('objective=time');
    await ui.page.waitForSelector('[data-testid="path-result"] .tile.main[data-testid="total-time"]');
    const before = new URL(ui.page.url()).hash;
    const mapParam = /map=[^&]+/.exec(before)?.[0];
    expect(mapParam).toBeTruthy();
    await ui.page.reload({ waitUntil: 'load' });
    await ui.page.waitForSelector('[data-testid="leg-row"]', { timeout: 10_000 });
    expect(new URL(ui.page.url()).hash).toContain(mapParam!);
    expect(await ui.page.isChecked('[data-testid="objective-time"] input')).toBe(true);
    expect(await ui.page.inputValue('[data-testid="from-input"]')).not.toBe('');
    expect(await ui.page.inputValue('[data-testid="to-input"]')).not.toBe('');
  });

  it('takes the origin and the destination from clicks on markers', async () => {
    await ui.page.click('[data-testid="clear-path"]');
    expect(await ui.page.inputValue('[data-testid="from-input"]')).toBe('');
    expect(await ui.page.locator('path.hf-route-leg').count()).toBe(0);
    const hubs = ui.page.locator('.leaflet-marker-icon.hf-hub');
    await hubs.nth(0).dispatchEvent('click');
    await expect.poll(() => ui.page.inputValue('[data-testid="from-input"]')).not.toBe('');
    expect(await ui.page.locator('[data-testid="route-from"]').count()).toBe(1);
    await hubs.nth(1).dispatchEvent('click');
    await expect.poll(() => ui.page.inputValue('[data-testid="to-input"]')).not.toBe('');
    await ui.page.waitForSelector('[data-testid="path-panel"][data-state="found"], [data-testid="path-panel"][data-state="none"]');
  });

  it('logs no console errors and fetches nothing from other hosts', () => {
    expect(ui.consoleErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });

  it('shows the problem detail of an API error in the panel', async () => {
    const body = { from: 'no-such-place', to: places[0].id };
    const res = await ui.app.inject({ method: 'POST', url: '/api/paths', payload: body });
    expect(res.statusCode).toBe(404);
    const detail = (res.json() as { detail: string }).detail;
    await ui.page.goto('about:blank');
    await ui.page.goto(`${ui.base}#from=${body.from}&to=${body.to}`, { waitUntil: 'load' });
    const error = ui.page.locator('[data-testid="path-error"]');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toContain(detail);
    // The browser itself logs the failed request; nothing else may be logged.
    expect(ui.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
