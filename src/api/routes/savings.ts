import type { FastifyPluginAsync } from 'fastify';
import type { Network } from '../../network/index.js';
import { resolveSavingsRequest } from '../../pipeline/analysis-request.js';
import { SAVINGS_JOB_KIND, type AnalysisRuntime } from '../../pipeline/analysis-runtime.js';
import type { SavingsJobInput } from '../../pipeline/flywheel-job.js';
import { problemResponses } from '../schemas/common.js';
import { checkHubs } from './flywheel.js';
import { SavingsReportSchema, SavingsRequestSchema, type SavingsRequestBody } from '../schemas/savings.js';

export interface SavingsRoutesOptions {
  network: Network;
  analysis: AnalysisRuntime;
}

/**
 * POST /api/savings: one week, baseline against optimised on the same
 * realised (SYNTHETIC) demand, with the Shapley split of the saving. Answered
 * at once; the work runs in a job worker so the server stays responsive, and
 * is cancelled if the client goes away.
 */
const savings: FastifyPluginAsync<SavingsRoutesOptions> = async (app, opts) => {
  app.post<{ Body: SavingsRequestBody }>(
    '/savings',
    {
      schema: {
        tags: ['analysis'],
        summary: 'One week: cost per parcel of the baseline and the optimised plan on the same SYNTHETIC demand, the 8 combinations, and the Shapley attribution to forecasting, allocation and routing',
        body: SavingsRequestSchema,
        response: { 200: SavingsReportSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const request = resolveSavingsRequest(req.body ?? {}, opts.network);
      checkHubs(opts.network, request.params);
      const jobs = opts.analysis.jobs();
      const input: SavingsJobInput = { dataDir: opts.analysis.dataDir, request };
      const jobId = await jobs.submit(SAVINGS_JOB_KIND, input);
      const onClose = () => {
        if (!reply.raw.writableFinished) void jobs.cancel(jobId).catch(() => undefined);
      };
      reply.raw.once('close', onClose);
      try {
        return await jobs.result(jobId);
      } finally {
        reply.raw.off('close', onClose);
      }
    },
  );
};

export default savings;
