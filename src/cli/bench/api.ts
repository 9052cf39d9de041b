import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadNetworkData, Network, type NetworkData } from '../../network/index.js';
import { ByteOut, loadTariff, QuoteEngine, type QuoteRequest } from '../../quote/index.js';
import { InputError } from '../../shared/errors.js';
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
  /**
   * CPU time per request of the load generator (autocannon, in this process) and of the server process
   * (Linux /proc; null elsewhere). Both share the machine's cores: the client's part grows with the size
   * of the answers it reads, so it is reported next to the throughputs.
   */
  clientCpuUsPerRequest: number;
  serverCpuUsPerRequest: number | null;
}

/** CPU seconds (user + system) a process has used, from /proc/PID/stat; null where there is no /proc. */
function processCpuS(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ, 100 on Linux
  } catch {
    return null;
  }
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
function quoteBodies(cities: NetworkData['cities'], n: number, seed: number): string[] {
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

function load(name: string, server: { port: number; proc: ChildProcess }, bodies: string[], seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let i = 0;
    const client0 = process.cpuUsage();
    const server0 = processCpuS(server.proc.pid);
    autocannon(
      {
        url: `http://127.0.0.1:${server.port}`,
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
        const client = process.cpuUsage(client0);
        const server1 = processCpuS(server.proc.pid);
        const n = Math.max(1, r.requests.total);
        resolve({
          name,
          requestsPerS: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          requests: r.requests.total,
          clientCpuUsPerRequest: (client.user + client.system) / n,
          serverCpuUsPerRequest: server0 === null || server1 === null ? null : ((server1 - server0) * 1e6) / n,
        });
      },
    );
  });
}

/**
 * CPU µs per quote of the engine alone, in this process (no HTTP): the bench's bodies parsed as the server
 * would, one pass to fill the route plans, then `passes` timed passes writing each answer's bytes as the
 * route does. The rest of a server's CPU per request is HTTP, Fastify and the kernel.
 */
function engineCpuUs(data: NetworkData, bodies: string[], passes: number): number {
  const engine = new QuoteEngine(new Network(data), loadTariff(join(defaultDataDir(), 'tariff.json')));
  engine.warmUp();
  const out = new ByteOut();
  const requests = bodies.map((b) => JSON.parse(b) as QuoteRequest);
  for (const r of requests) engine.quoteBytes(r, out);
  const perPass: number[] = [];
  for (let k = 0; k < passes; k++) {
    const t0 = process.cpuUsage();
    for (const r of requests) engine.quoteBytes(r, out);
    const t = process.cpuUsage(t0);
    perPass.push((t.user + t.system) / requests.length);
  }
  return median(perPass);
}

/** A 10,000-row batch as JSON ({ rows }) or as CSV (text/csv in and out): seconds until the whole answer is read and parsed. */
async function timeBatch(port: number, rows: Record<string, unknown>[], kind: 'json' | 'csv'): Promise<{ seconds: number; okRows: number; errorRows: number; bytes: number }> {
  const url = `http://127.0.0.1:${port}/api/quotes/batch`;
  const t0 = performance.now();
  if (kind === 'json') {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
    const text = await res.text();
    const body = JSON.parse(text) as { okRows: number; errorRows: number };
    return { seconds: (performance.now() - t0) / 1000, okRows: body.okRows, errorRows: body.errorRows, bytes: text.length };
  }
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', accept: 'text/csv' }, body: rowsToCsv(rows) });
  const text = await res.text();
  const lines = text.trim().split('\n').slice(1);
  const seconds = (performance.now() - t0) / 1000;
  const failed = new Set(lines.filter((l) => /^\d+,,/.test(l)).map((l) => l.split(',')[0]));
  return { seconds, okRows: rows.length - failed.size, errorRows: failed.size, bytes: text.length };
}

function rowsToCsv(rows: Record<string, unknown>[]): string {
  const cols = ['origin', 'destination', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'declaredValueCny', 'service'];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(','))].join('\n') + '\n';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * hubflow bench api [--seconds S] [--connections C] [--rounds R] [--out RESULT.json]: load on POST /api/quotes
 * against a bare Fastify route in the same run, each server its own process; plus a 10,000-row batch (JSON, and
 * CSV) on fresh servers and again warm. The two loads alternate R times (--rounds, default 3) and the medians
 * are reported: on a shared machine one pair of 10-second loads can differ by a third from the next.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['seconds', 'connections', 'out', 'seed', 'rounds'] });
  const seconds = flagNumber(args, 'seconds', 10)!;
  const connections = flagNumber(args, 'connections', 50)!;
  const seed = flagNumber(args, 'seed', 1)!;
  const rounds = flagNumber(args, 'rounds', 3)!;
  if (!Number.isInteger(rounds) || rounds < 1) throw new InputError('--rounds must be a positive integer', 'rounds');
  const data = loadNetworkData(defaultDataDir());
  const bodies = quoteBodies(data.cities, 20_000, seed);
  const results: LoadResult[] = [];
  const procs: ChildProcess[] = [];
  const stopAll = () => procs.forEach((p) => p.kill('SIGTERM'));
  process.once('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  try {
    // Both servers run compiled, as `npm start` runs hubflow (tsx's on-the-fly transform costs about a third).
    console.log('building (tsc -p tsconfig.build.json) ...');
    execFileSync(process.execPath, [join(packageRoot(), 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(packageRoot(), 'tsconfig.build.json')], { stdio: 'inherit' });
    const dist = join(packageRoot(), 'dist', 'src', 'cli');
    const startHub = async () => {
      const s = await startServer((port) => [join(dist, 'main.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], '/api/health');
      procs.push(s.proc);
      return s;
    };
    // 10,000-row batches on servers that have quoted nothing yet (cold caches), then again (warm).
    const rows = bodies.slice(0, 10_000).map((b) => JSON.parse(b) as Record<string, unknown>);
    const csvHub = await startHub();
    const csvCold = await timeBatch(csvHub.port, rows, 'csv');
    csvHub.proc.kill('SIGTERM');
    const hub = await startHub();
    const jsonCold = await timeBatch(hub.port, rows, 'json');
    const jsonWarm = await timeBatch(hub.port, rows, 'json');
    const csvWarm = await timeBatch(hub.port, rows, 'csv');
    const mb = (b: number) => (b / 1e6).toFixed(1);
    console.log(`batch JSON: 10,000 rows in ${jsonCold.seconds.toFixed(2)} s cold, ${jsonWarm.seconds.toFixed(2)} s warm (${jsonCold.okRows} quoted, ${jsonCold.errorRows} errors, ${mb(jsonCold.bytes)} MB)`);
    console.log(`batch CSV:  10,000 rows in ${csvCold.seconds.toFixed(2)} s cold, ${csvWarm.seconds.toFixed(2)} s warm (${csvCold.okRows} quoted, ${csvCold.errorRows} errors, ${mb(csvCold.bytes)} MB)`);

    const bare = await startServer(() => [join(dist, 'bench', 'bare-server.js')], '/api/quotes');
    procs.push(bare.proc);
    await load('warm-up', bare, bodies, 2, connections);
    await load('warm-up', hub, bodies, 2, connections);
    const bareRuns: LoadResult[] = [];
    const quoteRuns: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) {
      bareRuns.push(await load('bare Fastify', bare, bodies, seconds, connections));
      quoteRuns.push(await load('quotes', hub, bodies, seconds, connections));
    }
    results.push(...bareRuns, ...quoteRuns);
    // After the loads: the in-process engine's ~50 MB of plans would otherwise be collected during one of them.
    const engineUs = engineCpuUs(data, bodies, 3);
    console.log(`engine alone: ${engineUs.toFixed(1)} µs CPU per quote in-process (${bodies.length.toLocaleString('en')} bodies, median of 3 passes)`);

    // CPU µs per request of the server process and of the load generator: on a machine with few cores the two
    // share them, and the generator's part grows with the size of the answers it reads (3.5 KB vs 11 bytes).
    const us = (x: number | null) => (x === null ? '-' : x.toFixed(0)).padStart(12);
    console.log(`\n${'route'.padEnd(14)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}${'server µs'.padStart(12)}${'client µs'.padStart(12)}`);
    for (let r = 0; r < rounds; r++) {
      for (const x of [bareRuns[r], quoteRuns[r]]) {
        console.log(`${x.name.padEnd(14)}${x.requestsPerS.toFixed(0).padStart(10)}${String(x.p50Ms).padStart(9)}${String(x.p99Ms).padStart(9)}${String(x.errors).padStart(8)}${String(x.non2xx).padStart(9)}${us(x.serverCpuUsPerRequest)}${us(x.clientCpuUsPerRequest)}`);
      }
    }
    const ratios = bareRuns.map((b, r) => quoteRuns[r].requestsPerS / b.requestsPerS);
    const ratio = median(ratios);
    const q = { requestsPerS: median(quoteRuns.map((x) => x.requestsPerS)), p99Ms: median(quoteRuns.map((x) => x.p99Ms)), errors: quoteRuns.reduce((s, x) => s + x.errors + x.non2xx, 0) };
    const b = { requestsPerS: median(bareRuns.map((x) => x.requestsPerS)) };
    if (rounds > 1) console.log(`ratios per round: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${ratio.toFixed(2)})`);
    const out = flagString(args, 'out');
    if (out) {
      const batch = { rows: 10_000, coldS: jsonCold.seconds, warmS: jsonWarm.seconds, okRows: jsonCold.okRows, errorRows: jsonCold.errorRows, csvColdS: csvCold.seconds, csvWarmS: csvWarm.seconds, jsonBytes: jsonCold.bytes, csvBytes: csvCold.bytes };
      writeFileSync(out, JSON.stringify({ seconds, connections, seed, rounds, batch, engineCpuUsPerQuote: engineUs, results, ratios, ratio }, null, 2));
    }
    console.log(`quotes: ${q.requestsPerS.toFixed(0)} req/s (bare ${b.requestsPerS.toFixed(0)} req/s, ratio ${ratio.toFixed(2)}), p99 ${q.p99Ms} ms, errors ${q.errors}`);
  } finally {
    stopAll();
  }
}
