// What every browser test needs: the app from buildApp() serving the built UI (dist/web, built by
// `npm test` first) on a free port, and a page in Debian's headless Chromium (playwright-core) that
// records console errors and any request leaving the app.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/api/app.js';

export const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
/** The built UI: dist/web, or HUBFLOW_WEB_DIR (a private build, e.g. `vite build --outDir /tmp/web-x`). */
export const webDir = process.env.HUBFLOW_WEB_DIR || fileURLToPath(new URL('../../dist/web', import.meta.url));
export const shotDir = fileURLToPath(new URL('./__screenshots__', import.meta.url));

/** A describe that is skipped on a workstation without Chromium but fails in CI (process.env.CI). */
export const describeInBrowser = describe.skipIf(!haveChromium && !process.env.CI);

/** Builds the app with the UI and listens on 127.0.0.1 at a free port; `base` ends with a slash. */
export async function startServer(): Promise<{ app: FastifyInstance; base: string }> {
  if (!haveChromium) throw new Error(`Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);
  if (!existsSync(`${webDir}/index.html`)) throw new Error(`${webDir} is missing: run \`npm run build:web\` first (npm test does)`);
  const app = await buildApp({ webDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return { app, base: `http://127.0.0.1:${addr.port}/` };
}

/**
 * Launches Chromium (headless, no sandbox, no background networking) with a 1400 × 900 page that
 * pushes console errors and page errors to `consoleErrors`, and requests outside `base` (other than
 * data:, about: and blob: URLs) to `foreignRequests`.
 */
export async function openPage(base: string, sinks: { consoleErrors: string[]; foreignRequests: string[] }): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') sinks.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => sinks.consoleErrors.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !/^(data|about|blob):/.test(u)) sinks.foreignRequests.push(u);
  });
  return { browser, page };
}

/** The server and page of one browser test file, filled in by the beforeAll hook of useBrowser(). */
export interface BrowserSession {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

/**
 * Registers, in the enclosing describe, a beforeAll that starts the server (startServer), opens the page
 * (openPage), sets the page's default timeout (`pageTimeoutMs`, 15 s unless null) and creates shotDir, and
 * an afterAll that closes the browser and the app. Fields of the returned session are set once beforeAll ran.
 */
export function useBrowser(opts: { pageTimeoutMs?: number | null } = {}): BrowserSession {
  const s = { consoleErrors: [], foreignRequests: [] } as unknown as BrowserSession;
  const pageTimeoutMs = opts.pageTimeoutMs === undefined ? 15_000 : opts.pageTimeoutMs;
  beforeAll(async () => {
    ({ app: s.app, base: s.base } = await startServer());
    ({ browser: s.browser, page: s.page } = await openPage(s.base, s));
    if (pageTimeoutMs !== null) s.page.setDefaultTimeout(pageTimeoutMs);
    mkdirSync(shotDir, { recursive: true });
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.app?.close();
  });
  return s;
}
