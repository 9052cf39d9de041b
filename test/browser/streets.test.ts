// Browser test of the Streets view: serves the built UI (dist/web, built by `npm test` first) and the
// API from buildApp() on a free port and drives Debian's headless Chromium with playwright-core.
// The road graph is the first of GET /api/roads (the Baltimore demo in data/roads).
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';


interface Graph {
  name: string;
  extent: [number, number, number, number];
  attribution: string;
  licence: string;
}
interface Route {
  found: boolean;
  distanceM: number;
  durationS: number;
}

/** `sfrom=LON,LAT` of the page's hash. */
const hashPoint = (url: string, key: string): [number, number] => {
  const v = new URLSearchParams(new URL(url).hash.slice(1)).get(key);
  if (!v) throw new Error(`no ${key} in ${url}`);
  return v.split(',').map(Number) as [number, number];
};

describeInBrowser('Streets view in headless Chromium', () => {
  const ui = useBrowser();
  let graph: Graph;

  const route = async (body: object) => (await ui.app.inject({ method: 'POST', url: '/api/roads/route', payload: body })).json() as Route;
  const tileValue = async (key: 'distance' | 'time') => Number(await ui.page.getAttribute(`[data-testid="streets-${key}"]`, 'data-value'));
  const waitState = (state: string) => ui.page.waitForSelector(`[data-testid="streets-panel"][data-state="${state}"]`, { timeout: 10_000 });

  beforeAll(async () => {
    const roads = (await ui.app.inject({ url: '/api/roads' })).json() as { graphs: Graph[] };
    if (roads.graphs.length === 0) throw new Error('no road graph loaded (data/roads)');
    graph = roads.graphs[0];
  });

  it('fits the road graph, routes between two clicked points along the streets, fastest and shortest', async () => {
    await ui.page.goto(ui.base, { waitUntil: 'load' });
    await ui.page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
    await ui.page.click('[data-testid="tab-streets"]');
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('view=streets');
    expect(await ui.page.isVisible('[data-testid="path-panel"]')).toBe(false);
    expect(await ui.page.isVisible('[data-testid="quote-view"]')).toBe(false);
    await waitState('empty');
    await ui.page.waitForSelector('#map:not([data-moving])');

    // The map shows the graph's extent, whole and filling most of the map; the OSM attribution is on.
    const map = (await ui.page.locator('#map').boundingBox())!;
    const box = (await ui.page.locator('path.hf-street-extent').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(map.x);
    expect(box.y).toBeGreaterThanOrEqual(map.y);
    expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(map.y + map.height + 1);
    expect(Math.max(box.width / map.width, box.height / map.height)).toBeGreaterThan(0.5);
    await expect.poll(() => ui.page.locator('.leaflet-control-attribution').innerText()).toContain('© OpenStreetMap contributors (ODbL)');
    expect(await ui.page.innerText('.leaflet-control-attribution')).not.toContain('GeoNames');
    // The streets are drawn from the road graph (GET /api/roads/:name/streets) under the route.
    await expect.poll(() => ui.page.getAttribute('#map', 'data-streets-drawn')).toBe('true');

    // Two clicks inside the extent: start, then end.
    await ui.page.mouse.click(box.x + box.width * 0.22, box.y + box.height * 0.72);
    await expect.poll(() => ui.page.inputValue('[data-testid="streets-from"]')).toMatch(/^-?\d+\.\d{5}, -?\d+\.\d{5}$/);
    await ui.page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.3);
    await waitState('found');

    // The clicked points are in the URL; the figures are the API's for the same points.
    const from = hashPoint(ui.page.url(), 'sfrom');
    const to = hashPoint(ui.page.url(), 'sto');
    const [w, s, e, n] = graph.extent;
    for (const [lon, lat] of [from, to]) {
      expect(lon).toBeGreaterThan(w);
      expect(lon).toBeLessThan(e);
      expect(lat).toBeGreaterThan(s);
      expect(lat).toBeLessThan(n);
    }
    const fastest = await route({ from, to, weight: 'time' });
    expect(fastest.found).toBe(true);
    expect(fastest.distanceM).toBeGreaterThan(0);
    expect(await tileValue('distance')).toBeCloseTo(fastest.distanceM, 6);
    expect(await tileValue('time')).toBeCloseTo(fastest.durationS, 6);
    expect(await ui.page.innerText('[data-testid="streets-distance"]')).toContain(`${(fastest.distanceM / 1000).toPrecision(3)}`);
    expect(await ui.page.innerText('[data-testid="streets-time"]')).toContain('min');

    // Drawn along the streets (many vertices), with A and B at the snapped points.
    expect(await ui.page.locator('path.hf-street-route').count()).toBe(1);
    const d = (await ui.page.getAttribute('path.hf-street-route', 'd')) ?? '';
    expect((d.match(/L/g) ?? []).length).toBeGreaterThan(10);
    expect(await ui.page.locator('[data-testid="streets-start"]').count()).toBe(1);
    expect(await ui.page.locator('[data-testid="streets-end"]').count()).toBe(1);
    expect(await ui.page.getAttribute('#map', 'data-streets-route')).toBe('found');

    // Shortest: never longer, never faster than the fastest route.
    await ui.page.click('[data-testid="streets-weight-distance"]');
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('sweight=distance');
    await waitState('found');
    await expect.poll(() => ui.page.innerText('[data-testid="streets-result"] .result-title')).toMatch(/shortest/i);
    const shortest = await route({ from, to, weight: 'distance' });
    expect(await tileValue('distance')).toBeCloseTo(shortest.distanceM, 6);
    expect(shortest.distanceM).toBeLessThanOrEqual(fastest.distanceM + 1e-6);
    expect(shortest.durationS).toBeGreaterThanOrEqual(fastest.durationS - 1e-6);

    await ui.page.waitForSelector('#map:not([data-moving])');
    await ui.page.screenshot({ path: `${shotDir}/streets.png` });
  });

  it('restores the route from a link, and leaving the tab brings back the network view', async () => {
    await ui.page.reload({ waitUntil: 'load' });
    await waitState('found');
    expect(await ui.page.isVisible('[data-testid="streets-panel"]')).toBe(true);
    expect(await ui.page.getAttribute('[data-testid="streets-weight-distance"] input', 'checked')).not.toBeNull();
    expect(await ui.page.locator('path.hf-street-route').count()).toBe(1);

    await ui.page.click('[data-testid="tab-paths"]');
    await expect.poll(() => new URL(ui.page.url()).hash).not.toContain('view=streets');
    expect(await ui.page.isVisible('.leaflet-streets-route-pane')).toBe(false);
    await expect.poll(() => ui.page.locator('.leaflet-control-attribution').innerText()).toContain('GeoNames');
    expect(await ui.page.innerText('.leaflet-control-attribution')).not.toContain('OpenStreetMap');
    // Back at the network's zoom (the Streets view allows deeper zoom).
    await ui.page.waitForSelector('#map:not([data-moving])');
    const zoom = Number(new URLSearchParams(new URL(ui.page.url()).hash.slice(1)).get('map')?.split('/')[0]);
    expect(zoom).toBeLessThanOrEqual(11);
  });

  it('shows the API problem detail for a point far from any street, on the field it names', async () => {
    await ui.page.click('[data-testid="tab-streets"]');
    await waitState('found');
    const [, s, e, n] = graph.extent;
    const far: [number, number] = [e + 0.2, (s + n) / 2]; // about 17 km east of the graph
    await ui.page.fill('[data-testid="streets-to"]', `${far[0]}, ${far[1]}`);
    await ui.page.press('[data-testid="streets-to"]', 'Enter');
    await waitState('error');

    const from = hashPoint(ui.page.url(), 'sfrom');
    const res = await ui.app.inject({ method: 'POST', url: '/api/roads/route', payload: { from, to: far, weight: 'distance' } });
    expect(res.statusCode).toBe(400);
    const problem = res.json() as { detail: string; field: string };
    expect(problem.field).toBe('to');
    expect(await ui.page.innerText('[data-testid="streets-error"]')).toContain(problem.detail);
    expect(await ui.page.isVisible('[data-testid="streets-to-error"]')).toBe(true);
    expect(await ui.page.getAttribute('[data-testid="streets-to"]', 'aria-invalid')).toBe('true');
    expect(await ui.page.isVisible('[data-testid="streets-from-error"]')).toBe(false);
    expect(await ui.page.locator('path.hf-street-route').count()).toBe(0);

    // Text that is not a coordinate pair is caught before asking.
    await ui.page.fill('[data-testid="streets-from"]', 'Baltimore');
    await ui.page.press('[data-testid="streets-from"]', 'Enter');
    await expect.poll(() => ui.page.innerText('[data-testid="streets-from-error"]')).toContain('lon, lat');

    // Only the one 400 above reached the console; nothing was fetched from elsewhere.
    expect(ui.consoleErrors.filter((m) => !/status of 400/.test(m))).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });
});
