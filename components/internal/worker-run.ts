// A run trained in the TensorFlow.js worker, recorded in the page's run store as it goes: the CIFAR lab, the
// learning-rate sweep and the transfer-learning lab record through this, so every run reaches the run dashboard.
import { lrChangeEpochs, pageRunStore, type NewRun, type RunStatus } from '../../src/runs/index.js';
import type { EpochEnd, TrainResult } from '../../src/worker/index.js';

/** How a worker run ended, as the run store says it. */
function statusOf(result: TrainResult): Exclude<RunStatus, 'running' | 'paused'> {
  if (result.stopReason === 'diverged' || result.stopReason === 'nan') return 'diverged';
  return result.stopReason === 'stopped' ? 'stopped' : 'done';
}

/** Starts a run in the page's store; returns its id, how to add an epoch (giving every column so far) and end it. */
export function recordWorkerRun(init: NewRun) {
  const store = pageRunStore();
  const run = store.add(init);
  const columns: Record<string, number[]> = {};
  return {
    id: run.id,
    /** Appends the epoch's numeric logs; returns each tag's values so far (a new object, for a chart). */
    epoch(end: EpochEnd): Record<string, number[]> {
      const scalars: Record<string, number> = {};
      for (const [k, v] of Object.entries(end.logs)) if (typeof v === 'number') (columns[k] ??= []).push((scalars[k] = v));
      store.appendEpoch(run.id, scalars);
      return { ...columns };
    },
    /** Ends the run: `aborted` without a result; markers for early stopping, rate changes and a NaN loss. */
    end(result: TrainResult | undefined, message?: string): void {
      if (!result) return void store.end(run.id, 'aborted', message ? { message } : {});
      const early = result.stopReason === 'early-stopping';
      const status = statusOf(result);
      const lr = lrChangeEpochs(columns.learning_rate ?? columns.lr ?? []);
      store.end(run.id, status, {
        markers: {
          ...(early ? { stoppedEpoch: result.epochsRun } : {}),
          ...(early && result.restoredEpoch >= 0 ? { restoredEpoch: result.restoredEpoch + 1 } : {}),
          ...(result.stopReason === 'nan' ? { nanEpoch: result.epochsRun + 1 } : {}),
          ...(lr.length && lr.length <= 12 ? { lrChanges: lr } : {}),
        },
        message: message || result.message,
      });
    },
  };
}
