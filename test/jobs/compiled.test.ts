import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Outside the project, so there is no node_modules and no tsx to fall back on.
const out = mkdtempSync(join(tmpdir(), 'hubflow-jobs-dist-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function transpile(rel: string): void {
  const source = readFileSync(join(root, rel), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  const dest = join(out, rel.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, js);
}

describe('workers from compiled JavaScript', () => {
  it('run a job under plain node, without tsx', async () => {
    for (const f of readdirSync(join(root, 'src/jobs'))) if (f.endsWith('.ts')) transpile(`src/jobs/${f}`);
    for (const f of ['errors.ts', 'stop.ts']) transpile(`src/shared/${f}`);
    transpile('test/jobs/fixtures/handlers.ts');
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }');
    writeFileSync(
      join(out, 'main.js'),
      `import { ThreadJobRunner } from './src/jobs/index.js';
const module = new URL('./test/jobs/fixtures/handlers.js', import.meta.url);
const r = new ThreadJobRunner({ workers: 1, handlers: { count: { module, exportName: 'count' }, fail: { module, exportName: 'fail' } } });
const sum = await r.result(await r.submit('count', { n: 4, delayMs: 1 }));
const err = await r.result(await r.submit('fail', { why: 'x' })).catch((e) => e);
await r.close();
console.log(JSON.stringify({ sum, err: err.name }));
`,
    );
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['main.js'], { cwd: out, env, timeout: 15_000 }, (err, so, se) => (err ? reject(new Error(`${err.message}\n${se}`)) : resolve(so))),
    );
    expect(JSON.parse(stdout)).toEqual({ sum: { sum: 10 }, err: 'InputError' });
  });
});
