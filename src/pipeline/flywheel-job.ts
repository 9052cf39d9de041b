/**
 * Job handlers of the savings stage (run by src/jobs in a worker thread): the
 * flywheel over many periods and the one-period comparison. Each loads the
 * network once per worker and adds the `kpis` the scenario store compares.
 */
import type { JobContext } from '../jobs/index.js';
import { loadNetworkData, Network } from '../network/index.js';
import { runFlywheelSeeds, runSavings, type FlywheelBandReport, type SavingsReport } from '../savings/index.js';
import { flywheelKpis, savingsKpis, type AnalysisKpis } from './analysis-kpis.js';
import type { FlywheelRequest, SavingsRequest } from './analysis-request.js';

/** Input of a `flywheel` job: the network's data folder and a checked request. */
export interface FlywheelJobInput {
  dataDir: string;
  request: FlywheelRequest;
}

/** Input of a `savings` job: the network's data folder and a checked request. */
export interface SavingsJobInput {
  dataDir: string;
  request: SavingsRequest;
}

/** A flywheel report (with bands over seeds) and its KPIs. */
export type FlywheelJobResult = FlywheelBandReport & { synthetic: true; kpis: AnalysisKpis };
/** A one-period comparison and its KPIs. */
export type SavingsJobResult = SavingsReport & { synthetic: true; kpis: AnalysisKpis };

const networks = new Map<string, Network>();

/** The network of a data folder, loaded once per worker. */
export function networkFor(dataDir: string): Network {
  let n = networks.get(dataDir);
  if (!n) {
    n = new Network(loadNetworkData(dataDir));
    networks.set(dataDir, n);
  }
  return n;
}

/** The `flywheel` job: progress per period (and seed), CancelledError on cancel. */
export async function flywheelJob(input: FlywheelJobInput, ctx: JobContext): Promise<FlywheelJobResult> {
  const report = await runFlywheelSeeds(networkFor(input.dataDir), { ...input.request, onProgress: ctx.onProgress, signal: ctx.signal });
  return { synthetic: true, ...report, kpis: flywheelKpis(report) };
}

/** The `savings` job: one week, baseline against optimised, with the Shapley split. */
export async function savingsJob(input: SavingsJobInput, ctx: JobContext): Promise<SavingsJobResult> {
  const report = await runSavings(networkFor(input.dataDir), { ...input.request, onProgress: ctx.onProgress, signal: ctx.signal });
  return { synthetic: true, ...report, kpis: savingsKpis(report) };
}
