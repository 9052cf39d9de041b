// Browser test of the Operations view: serves the built UI and the API from buildApp() on a free
// port and drives headless Chromium: loads the SYNTHETIC Baltimore sample (on the demo road graph),
// solves for 1 s (a job with progress), sees coloured routes along the streets and the KPIs, moves a
// stop to another route and sees the re-evaluated KPIs, exports CSV, imports a CSV with a bad row.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';
import { applyOpsCsv, opsState, uploadOpsCsv } from './ops-page.js';

describeInBrowser('Operations view in headless Chromium', () => {
  const ui = useBrowser();
  const kpi = async (key: string) => Number(await ui.page.getAttribute(`[data-testid="ops-kpi-${key}"]`, 'data-value'));
  const state = (s: string) => opsState(ui.page, s);

  it('loads the Baltimore sample, solves with progress, draws coloured routes along the streets, moves a stop, exports CSV', async () => {
    await ui.page.goto(`${ui.base}#view=ops`, { waitUntil: 'load' });
    await ui.page.waitForSelector('[data-testid="ops-sample-baltimore"]');
    await ui.page.click('[data-testid="ops-sample-baltimore"]');
    await state('ready');
    await expect.poll(() => new URL(ui.page.url()).hash).toContain('os=baltimore');
    expect(await ui.page.locator('.ops-stop-open').count()).toBe(40);
    await expect.poll(() => ui.page.locator('.leaflet-control-attribution').innerText()).toContain('OpenStreetMap contributors');
    expect(await ui.page.innerText('[data-testid="ops-loaded"]')).toContain('SYNTHETIC');

    await ui.page.fill('#ops-seconds', '1');
    await ui.page.click('[data-testid="ops-solve"]');
    await ui.page.waitForSelector('[data-testid="ops-progress"]');
    await state('solved');
    // coloured routes, one per vehicle used, along the streets (many points per line)
    const used = await kpi('vehicles');
    expect(used).toBeGreaterThanOrEqual(2);
    const routes = ui.page.locator('path.ops-route');
    expect(await routes.count()).toBe(used);
    const colours = new Set(await routes.evaluateAll((els) => els.map((e) => e.getAttribute('stroke'))));
    expect(colours.size).toBe(used);
    const d = (await routes.first().getAttribute('d')) ?? '';
    expect(d.split(/[ML]/).length).toBeGreaterThan(50);
    expect(await ui.page.locator('.ops-stop-seq').count()).toBe(40);
    expect(await ui.page.locator('[data-testid="ops-depot-marker"]').count()).toBe(1);
    expect(await kpi('unassigned')).toBe(0);
    expect(await kpi('late')).toBe(0);
    const cost0 = await kpi('cost');
    expect(cost0).toBeGreaterThan(0);
    expect(await ui.page.innerText('[data-testid="ops-status"]')).toContain('streets');
    // the table: one row per stop with ETA and slack; a window binds somewhere (slack 0) or not, but every stop has a row
    expect(await ui.page.locator('[data-testid="ops-stops"] tr[data-stop]').count()).toBe(40);
    await ui.page.screenshot({ path: `${shotDir}/ops-solved.png` });

    // move the first stop of the first route to the last route: re-evaluated, not re-optimised
    const firstRoute = await ui.page.getAttribute('[data-testid="ops-stops"] tbody[data-route]:first-of-type', 'data-route');
    const lastRoute = await ui.page.locator('[data-testid="ops-stops"] tbody[data-route]').last().getAttribute('data-route');
    const stop = await ui.page.getAttribute(`tbody[data-route="${firstRoute}"] tr[data-stop]`, 'data-stop');
    const dist0 = await kpi('distance');
    await ui.page.selectOption(`[data-testid="ops-move-${stop}"]`, lastRoute!);
    await state('edited');
    expect(await ui.page.getAttribute('[data-testid="ops-status"]', 'data-edited')).toBe('true');
    expect(await ui.page.locator(`tbody[data-route="${lastRoute}"] tr[data-stop="${stop}"]`).count()).toBe(1);
    expect(await kpi('distance')).not.toBe(dist0);
    // shrink the capacity: the evaluated plan shows the overload clearly
    await ui.page.fill('#ops-capacity', '60');
    await ui.page.press('#ops-capacity', 'Enter');
    await ui.page.dispatchEvent('#ops-capacity', 'change');
    await ui.page.waitForSelector('[data-testid="ops-violations"] li[data-kind="overload"]');
    expect(await ui.page.locator('[data-testid="ops-stops"] td.ops-bad').count()).toBeGreaterThan(0); // overloaded loads marked in the table
    await ui.page.evaluate(() => document.querySelector('[data-testid="ops-result"]')!.scrollIntoView());
    await ui.page.screenshot({ path: `${shotDir}/ops-edited.png` });
    await ui.page.fill('#ops-capacity', '250');
    await ui.page.dispatchEvent('#ops-capacity', 'change');
    await ui.page.waitForSelector('[data-testid="ops-feasible"], [data-testid="ops-violations"]:not(:has(li[data-kind="overload"]))');

    // export CSV: one row per stop with route, sequence, ETA and load
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('[data-testid="ops-export-csv"]')]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toContain('route,sequence,stop');
    expect(csv[0]).toContain('load_kg');
    expect(csv.length - 1).toBe(40);
    expect(csv.some((l) => l.includes(`,${stop},`) && l.startsWith(`${lastRoute},`))).toBe(true);

    // leaving the tab hides the routes and takes the street data's attribution away
    await ui.page.click('[data-testid="tab-paths"]');
    expect(await ui.page.isVisible('path.ops-route >> nth=0')).toBe(false);
    await expect.poll(() => ui.page.locator('.leaflet-control-attribution').innerText()).not.toContain('OpenStreetMap');
    expect(ui.consoleErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });

  it('cancels a long solve: the progress goes away and the best plan so far (if any) is shown', async () => {
    await ui.page.goto(`${ui.base}#view=ops&os=hangzhou&osec=30`, { waitUntil: 'load' });
    await state('ready');
    expect(await ui.page.inputValue('#ops-seconds')).toBe('30');
    await ui.page.click('[data-testid="ops-solve"]');
    await ui.page.waitForSelector('[data-testid="ops-progress"]');
    expect(await ui.page.isDisabled('[data-testid="ops-solve"]')).toBe(true);
    await ui.page.waitForTimeout(1500);
    const t0 = Date.now();
    await ui.page.click('[data-testid="ops-cancel"]');
    await ui.page.waitForSelector('[data-testid="ops-panel"][data-state="solved"], [data-testid="ops-cancelled"]');
    expect(Date.now() - t0).toBeLessThan(8000); // not the 30 s budget
    expect(await ui.page.isVisible('[data-testid="ops-progress"]')).toBe(false);
    expect(await ui.page.isDisabled('[data-testid="ops-solve"]')).toBe(false);
    if ((await ui.page.getAttribute('[data-testid="ops-panel"]', 'data-state')) === 'solved') {
      expect(await ui.page.innerText('[data-testid="ops-status"]')).toContain('Stopped early');
    }
    expect(ui.consoleErrors).toEqual([]);
  });

  it('imports stops from CSV with a column mapping and a clear error per bad row', async () => {
    const text = 'name;longitude;latitude;weight;ready;due\nA1;-76.60;39.29;12;09:00;11:00\nA2;-76.58;39.30;abc;;\nA3;-76.57;39.28;8;10:00;09:00\nA4;-76.59;39.27;5;;\n';
    await uploadOpsCsv(ui.page, ui.base, 'mine.csv', text);
    await ui.page.waitForSelector('[data-testid="ops-mapping"]:not([hidden])');
    expect(await ui.page.inputValue('[data-testid="ops-map-lon"]')).toBe('1');
    expect(await ui.page.inputValue('[data-testid="ops-map-kg"]')).toBe('3');
    expect(await ui.page.inputValue('[data-testid="ops-map-twStart"]')).toBe('4');
    expect(await ui.page.getAttribute('[data-testid="ops-map-summary"]', 'data-ok')).toBe('2');
    const errors = await ui.page.innerText('[data-testid="ops-row-errors"]');
    expect(errors).toContain('Line 3, Demand (kg): "abc" is not a number');
    expect(errors).toContain('Line 4, Window closes');
    await ui.page.screenshot({ path: `${shotDir}/ops-import.png` });
    // the user un-maps the weight column: A2 becomes valid
    await ui.page.selectOption('[data-testid="ops-map-kg"]', '-1');
    expect(await ui.page.getAttribute('[data-testid="ops-map-summary"]', 'data-ok')).toBe('3');
    await ui.page.click('[data-testid="ops-map-apply"]');
    await state('ready');
    expect(await ui.page.locator('.ops-stop-open').count()).toBe(3);
    expect(new URL(ui.page.url()).hash).not.toContain('os=');
    // the depot: picked with a click on the map
    const before = await ui.page.inputValue('[data-testid="ops-depot"]');
    await ui.page.click('[data-testid="ops-pick-depot"]');
    const box = (await ui.page.locator('#map').boundingBox())!;
    await ui.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await expect.poll(() => ui.page.inputValue('[data-testid="ops-depot"]')).not.toBe(before);
    await expect.poll(() => ui.page.locator('[data-testid="ops-depot-marker"]').count()).toBe(1);
    // the sample file to start from
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('[data-testid="ops-sample-csv"]')]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('id,lon,lat,kg,serviceMin,twStart,twEnd');
    expect(ui.consoleErrors).toEqual([]);
  });

  it('plans by hand with a pickup-and-delivery pair: moved together, drawn linked, loads as carried', async () => {
    const text = 'id,lon,lat,kg,pickup\nP1,-76.600,39.300,30,\nD1,-76.570,39.280,,P1\nS1,-76.585,39.295,10,\n';
    await uploadOpsCsv(ui.page, ui.base, 'pd.csv', text);
    await ui.page.waitForSelector('[data-testid="ops-map-apply"]');
    expect(await ui.page.innerText('[data-testid="ops-map-summary"]')).toContain('1 pickup-and-delivery pair');
    await applyOpsCsv(ui.page);
    await ui.page.click('[data-testid="ops-by-hand"]');
    await state('edited');
    expect(await kpi('unassigned')).toBe(3);
    // the delivery onto van#1: its pickup comes along, first
    await ui.page.selectOption('[data-testid="ops-move-D1"]', 'van#1');
    await expect.poll(() => kpi('unassigned')).toBe(1);
    const ids = await ui.page.locator('tbody[data-route="van#1"] tr[data-stop]').evaluateAll((els) => els.map((e) => e.getAttribute('data-stop')));
    expect(ids).toEqual(['P1', 'D1']);
    expect(await ui.page.locator('path.ops-pair').count()).toBe(1);
    // loads after each stop: 30 picked up at P1, delivered at D1
    const loads = await ui.page.locator('tbody[data-route="van#1"] tr[data-stop] td:nth-child(8)').allInnerTexts();
    expect(loads.map((x) => Number(x.replace(/[^\d.]/g, '')))).toEqual([30, 0]);
    expect(await ui.page.locator('[data-testid="ops-feasible"]').count()).toBe(1);
    await ui.page.screenshot({ path: `${shotDir}/ops-pairs.png` });
    expect(ui.consoleErrors).toEqual([]);
  });

  it('solves a CSV with a pickup-and-delivery pair among ordinary stops (no 400): pickup before delivery on one route', async () => {
    const text = 'id,lon,lat,kg,pickup\nP1,-76.600,39.300,30,\nD1,-76.570,39.280,,P1\nS1,-76.585,39.295,10,\nS2,-76.590,39.285,20,\n';
    await uploadOpsCsv(ui.page, ui.base, 'pd-solve.csv', text);
    await applyOpsCsv(ui.page);
    await ui.page.fill('#ops-seconds', '1');
    await ui.page.click('[data-testid="ops-solve"]');
    await state('solved');
    expect(await ui.page.locator('[data-testid="ops-error"]').count()).toBe(0);
    expect(await kpi('unassigned')).toBe(0);
    const rows = await ui.page.locator('tbody[data-route] tr[data-stop]').evaluateAll((els) =>
      els.map((e) => [e.closest('tbody')!.getAttribute('data-route'), e.getAttribute('data-stop')]));
    const where = new Map(rows.map(([r, id], k) => [id, { r, k }]));
    expect(where.get('P1')!.r).toBe(where.get('D1')!.r);
    expect(where.get('P1')!.k).toBeLessThan(where.get('D1')!.k);
    expect(await ui.page.locator('path.ops-pair').count()).toBe(1);
    await ui.page.screenshot({ path: `${shotDir}/ops-pairs-solved.png` });
    expect(ui.consoleErrors).toEqual([]);
  });

  it('a second vehicle type carries the stop that is too heavy for the vans', async () => {
    const text = 'id,lon,lat,kg\nA,-76.600,39.300,30\nBIG,-76.570,39.280,600\nC,-76.585,39.295,10\n';
    await uploadOpsCsv(ui.page, ui.base, 'heavy.csv', text);
    await applyOpsCsv(ui.page);
    await ui.page.fill('#ops-seconds', '1');
    expect(await ui.page.isHidden('[data-testid="ops-second-fields"]')).toBe(true);
    await ui.page.click('[data-testid="ops-solve"]');
    await state('solved');
    expect(await kpi('unassigned')).toBe(1); // 600 kg > the vans' 300 kg
    await ui.page.check('[data-testid="ops-second-on"]');
    expect(await ui.page.isVisible('[data-testid="ops-second-fields"]')).toBe(true);
    expect(await ui.page.inputValue('#ops-capacity2')).toBe('1000');
    await ui.page.click('[data-testid="ops-solve"]');
    await state('solved');
    expect(await kpi('unassigned')).toBe(0);
    const route = await ui.page.locator('tbody[data-route] tr[data-stop="BIG"]').evaluate((e) => e.closest('tbody')!.getAttribute('data-route'));
    expect(route).toBe('truck');
    await ui.page.screenshot({ path: `${shotDir}/ops-two-types.png` });
    expect(ui.consoleErrors).toEqual([]);
  });
});
