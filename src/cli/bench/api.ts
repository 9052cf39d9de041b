import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadNetworkData } from '../../network/index.js';
import { createRng } from '../../shared/random.js';
import { defaultDataDir, packageRoot } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs } from '../args.js';

interface LoadResult {
  name: string;
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server script as its own process on a free port, with request logging off (as a production
 * server would run under load), and resolves once it answers.
 */
async function startServer(args: (port: number) => string[], readyPath: string): Promise<{ proc: ChildProcess; port: number }> {
  const port = await freePort();
  const proc = spawn(process.execPath, args(port), {
    cwd: packageRoot(),
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const t0 = performance.now();
  while (performance.now() - t0 < 30_000) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${err.slice(-500)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${readyPath}`, { method: readyPath === '/api/quotes' ? 'POST' : 'GET' });
      if (res.status < 500) return { proc, port };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill('SIGTERM');
  throw new Error(`server did not start within 30 s: ${err.slice(-500)}`);
}

/** Realistic, varied quote requests: city pairs weighted by population, log-normal weights, some boxes. */
function quoteBodies(n: number, seed: number): string[] {
  const cities = loadNetworkData(defaultDataDir()).cities;
  const total = cities.reduce((s, c) => s + Math.sqrt(c.population), 0);
  const rng = createRng(seed);
  const pick = () => {
    let r = rng.next() * total;
    for (const c of cities) if ((r -= Math.sqrt(c.population)) <= 0) return c.id;
    return cities[0].id;
  };
  const bodies: string[] = [];
  while (bodies.length < n) {
    const origin = pick();
    const destination = pick();
    if (origin === destination) continue;
    const weightKg = Math.round(Math.min(50, Math.exp(rng.normal() * 0.9)) * 100) / 100 || 0.1;
    const body: Record<string, unknown> = { origin, destination, weightKg };
    if (rng.next() < 0.4) Object.assign(body, { lengthCm: 10 + rng.int(50), widthCm: 10 + rng.int(40), heightCm: 5 + rng.int(30) });
    if (rng.next() < 0.2) body.declaredValueCny = 50 + rng.int(2000);
    if (rng.next() < 0.3) body.service = ['economy', 'standard', 'express'][rng.int(3)];
    bodies.push(JSON.stringify(body));
  }
  return bodies;
}

function load(name: string, port: number, bodies: string[], seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let i = 0;
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/quotes',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({ name, requestsPerS: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total });
      },
    );
  });
}

/**
 * hubflow bench api [--seconds S] [--connections C] [--out RESULT.json]: load on POST /api/quotes against a
 * bare Fastify route in the same run, each server its own process; plus a 10,000-row batch on a fresh server.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['seconds', 'connections', 'out', 'seed'] });
  const seconds = flagNumber(args, 'seconds', 10)!;
  const connections = flagNumber(args, 'connections', 50)!;
  const seed = flagNumber(args, 'seed', 1)!;
  const bodies = quoteBodies(20_000, seed);
  const results: LoadResult[] = [];
  const procs: ChildProcess[] = [];
  const stopAll = () => procs.forEach((p) => p.kill('SIGTERM'));
  process.once('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  try {
    // A 10,000-row batch on a server that has quoted nothing yet (cold caches).
    // Both servers run compiled, as `npm start` runs hubflow (tsx's on-the-fly transform costs about a third).
    console.log('building (tsc -p tsconfig.build.json) ...');
    execFileSync(process.execPath, [join(packageRoot(), 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(packageRoot(), 'tsconfig.build.json')], { stdio: 'inherit' });
    const dist = join(packageRoot(), 'dist', 'src', 'cli');
    const hub = await startServer((port) => [join(dist, 'main.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], '/api/health');
    procs.push(hub.proc);
    const rows = bodies.slice(0, 10_000).map((b) => JSON.parse(b));
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${hub.port}/api/quotes/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
    const batch = (await res.json()) as { okRows: number; errorRows: number };
    const batchColdS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await (await fetch(`http://127.0.0.1:${hub.port}/api/quotes/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) })).json();
    const batchWarmS = (performance.now() - t1) / 1000;
    console.log(`batch: 10,000 rows in ${batchColdS.toFixed(2)} s cold, ${batchWarmS.toFixed(2)} s warm (${batch.okRows} quoted, ${batch.errorRows} errors)`);

    const bare = await startServer(() => [join(dist, 'bench', 'bare-server.js')], '/api/quotes');
    procs.push(bare.proc);
    await load('warm-up', bare.port, bodies, 2, connections);
    results.push(await load('bare Fastify', bare.port, bodies, seconds, connections));
    bare.proc.kill('SIGTERM');
    await load('warm-up', hub.port, bodies, 2, connections);
    results.push(await load('quotes', hub.port, bodies, seconds, connections));

    console.log(`\n${'route'.padEnd(14)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}`);
    for (const r of results) console.log(`${r.name.padEnd(14)}${r.requestsPerS.toFixed(0).padStart(10)}${String(r.p50Ms).padStart(9)}${String(r.p99Ms).padStart(9)}${String(r.errors).padStart(8)}${String(r.non2xx).padStart(9)}`);
    const [b, q] = results;
    const ratio = q.requestsPerS / b.requestsPerS;
    const out = flagString(args, 'out');
    if (out) writeFileSync(out, JSON.stringify({ seconds, connections, seed, batch: { rows: 10_000, coldS: batchColdS, warmS: batchWarmS, ...batch }, results, ratio }, null, 2));
    console.log(`quotes: ${q.requestsPerS.toFixed(0)} req/s (bare ${b.requestsPerS.toFixed(0)} req/s, ratio ${ratio.toFixed(2)}), p99 ${q.p99Ms} ms, errors ${q.errors + q.non2xx}`);
  } finally {
    stopAll();
  }
}
