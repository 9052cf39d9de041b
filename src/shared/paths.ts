import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('hubflow: cannot find the package root');
}

/** The shipped data folder, or HUBFLOW_DATA_DIR. */
export function defaultDataDir(): string {
  return process.env.HUBFLOW_DATA_DIR ?? join(packageRoot(), 'data');
}

/** The built web UI (vite build output), or HUBFLOW_WEB_DIR. */
export function defaultWebDir(): string {
  return process.env.HUBFLOW_WEB_DIR || join(packageRoot(), 'dist', 'web');
}
