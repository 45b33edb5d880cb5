// The lab's run in the page's run store: its scalars per epoch, and at the end where the trained model was saved,
// so the transfer-learning lab (and a run dashboard) can find it.
import { recordWorkerRun } from '../internal/worker-run.js';
import type { EpochEnd, TrainResult } from '../../src/worker/index.js';

/** Starts a run named `nn-cifar · <name>`; returns how to add an epoch (giving the curves' columns) and end it. */
export function recordRun(name: string, spec: unknown) {
  const run = recordWorkerRun({ name: `nn-cifar · ${name}`, source: 'nn-cifar', spec });
  return {
    id: run.id,
    epoch: (end: EpochEnd): Record<string, number[]> => run.epoch(end),
    end: (result: TrainResult | undefined, savedUrl: string): void => run.end(result, savedUrl ? `Model saved as ${savedUrl}` : undefined),
  };
}
