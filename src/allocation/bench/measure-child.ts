/**
 * Child-process entry of `measureIsolated`: receives one MeasureRequest over
 * IPC, solves, and replies with the Measurement including this process's peak
 * resident memory (resourceUsage().maxRSS, in kB).
 */
import { readFile } from 'node:fs/promises';
import type { FlowInstance } from '../flow/instance.js';
import { measureInProcess, type MeasureRequest } from './measure.js';

process.once('message', async (msg) => {
  const req = msg as MeasureRequest;
  try {
    const instance: FlowInstance = req.instance ?? JSON.parse(await readFile(req.instancePath!, 'utf8'));
    const m = await measureInProcess(instance, req);
    m.peakRssMb = process.resourceUsage().maxRSS / 1024;
    process.send!(m);
  } catch (err) {
    process.send!({ backend: req.backend, status: 'error', objective: NaN, timeS: NaN, peakRssMb: null, baseRssMb: null, message: String(err) });
  }
});
