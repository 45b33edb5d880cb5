// The lab's run in the page's run store: its scalars per epoch, and at the end where the trained model was saved,
// so the transfer-learning lab (and a run dashboard) can find it.
import { pageRunStore } from '../../src/runs/index.js';
import type { EpochEnd, TrainResult } from '../../src/worker/index.js';

/** Starts a run named `nn-cifar · <name>`; returns how to add an epoch (giving the curves' columns) and end it. */
export function recordRun(name: string, spec: unknown) {
  const store = pageRunStore();
  const run = store.add({ name: `nn-cifar · ${name}`, source: 'nn-cifar', spec });
  const columns: Record<string, number[]> = {};
  return {
    id: run.id,
    epoch(end: EpochEnd): Record<string, number[]> {
      const scalars: Record<string, number> = {};
      for (const [k, v] of Object.entries(end.logs)) if (typeof v === 'number') (columns[k] ??= []).push((scalars[k] = v));
      store.appendEpoch(run.id, scalars);
      return { ...columns };
    },
    end(result: TrainResult | undefined, savedUrl: string): void {
      if (!result) return void store.end(run.id, 'aborted');
      const early = result.stopReason === 'early-stopping';
      const status = result.stopReason === 'diverged' || result.stopReason === 'nan' ? 'diverged' : result.stopReason === 'stopped' ? 'stopped' : 'done';
      store.end(run.id, status, {
        markers: early ? { stoppedEpoch: result.epochsRun, ...(result.restoredEpoch >= 0 ? { restoredEpoch: result.restoredEpoch + 1 } : {}) } : {},
        message: savedUrl ? `Model saved as ${savedUrl}` : result.message,
      });
    },
  };
}
