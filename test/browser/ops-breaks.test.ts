// Browser test of the lunch break in the Operations view: a fleet with a lunch break that must start
// early (08:00–08:20) so every route takes it; the stops table shows it as a row "Break HH:MM–HH:MM".
import { expect, it } from 'vitest';
import { describeInBrowser, shotDir, useBrowser } from './harness.js';
import { applyOpsCsv, opsState, uploadOpsCsv } from './ops-page.js';

describeInBrowser('Operations view: lunch break', () => {
  const ui = useBrowser();
  const state = (s: string) => opsState(ui.page, s);

  it('shows the break as a row of the stops table; a bad lunch window is explained', async () => {
    const text = 'id,lon,lat,kg\nA,-76.600,39.300,30\nB,-76.570,39.280,60\nC,-76.585,39.295,10\n';
    await uploadOpsCsv(ui.page, ui.base, 'lunch.csv', text);
    await applyOpsCsv(ui.page);
    await ui.page.fill('#ops-seconds', '1');
    expect(await ui.page.inputValue('#ops-lunch-from')).toBe('11:30');
    await ui.page.fill('#ops-lunch-to', '08:00');
    await ui.page.fill('#ops-lunch', '30');
    await ui.page.dispatchEvent('#ops-lunch', 'change');
    expect(await ui.page.innerText('[data-testid="ops-fleet-error"]')).toContain('Lunch break');
    await ui.page.fill('#ops-lunch-from', '08:00');
    await ui.page.fill('#ops-lunch-to', '08:20');
    await ui.page.dispatchEvent('#ops-lunch-to', 'change');
    expect(await ui.page.isHidden('[data-testid="ops-fleet-error"]')).toBe(true);
    await ui.page.click('[data-testid="ops-solve"]');
    await state('solved');
    const rows = ui.page.locator('[data-testid="ops-break"]');
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.first().innerText()).toMatch(/Break 08:[0-2]\d–08:[3-5]\d/);
    await ui.page.screenshot({ path: `${shotDir}/ops-lunch-break.png` });
    expect(ui.consoleErrors).toEqual([]);
  });
});
