// Steps of the Operations view shared by its browser tests (ops.test.ts, ops-breaks.test.ts).
import type { Page } from 'playwright-core';

/** Waits until the Operations panel is in state `s` (ready, solved, …), at most 15 s. */
export const opsState = (page: Page, s: string) => page.waitForSelector(`[data-testid="ops-panel"][data-state="${s}"]`, { timeout: 15_000 });

/** Opens the Operations view at `base` and uploads `text` as the CSV file `name` (the column mapping then shows). */
export async function uploadOpsCsv(page: Page, base: string, name: string, text: string): Promise<void> {
  await page.goto(`${base}#view=ops`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="ops-sample-baltimore"]');
  await page.setInputFiles('[data-testid="ops-file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Applies the proposed column mapping, waits for the stops to be ready and sets the depot (Baltimore). */
export async function applyOpsCsv(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="ops-map-apply"]');
  await page.click('[data-testid="ops-map-apply"]');
  await opsState(page, 'ready');
  await page.fill('#ops-depot', '-76.58, 39.29');
  await page.press('#ops-depot', 'Enter');
}
