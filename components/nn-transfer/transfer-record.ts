// The lab's run in the page's run store: one run over both stages (stage 2 continues its curves), with its setup
// (the base, the head, the data and stage 1's TrainSpec; stage 2's rate, epochs and images in the summary), a
// marker where stage 2 starts, and the comparison's numbers at the end. Only the store's public methods are used.
import { pageRunStore, type RunMarkers } from '../../src/runs/index.js';
import { stageSpec, type ModelComparison, type StagePlan } from '../../src/transfer/index.js';
import type { EpochEnd, TrainResult } from '../../src/worker/index.js';

/** How the element records a transfer run. */
export interface TransferRecord {
  readonly id: string;
  readonly markers: RunMarkers;
  /** A stage begins: stage 2 gets a marker at its first epoch and its setup in the summary. */
  stage(stage: 1 | 2, plan: StagePlan, offer?: string): void;
  /** One epoch's logs; returns the run's columns so far (for the curves). */
  epoch(end: EpochEnd): Record<string, number[]>;
  /** The stage ended (or failed: undefined). */
  end(result: TrainResult | undefined): void;
  /** The comparison's numbers, as the run's summary. */
  compared(c: ModelComparison): void;
}

/** What a transfer run starts from: where the base came from, the new head's hidden units, the data. */
export interface TransferSetup {
  base: string;
  headUnits: number;
  data: string;
  subset: number;
}

/**
 * Starts a run named `nn-transfer · <name>` with `setup` and stage 1's plan (its TrainSpec in the spec, its settings
 * in the hparams table); the run's stage says it holds both, stage 2 from its marker on.
 */
export function recordTransfer(name: string, setup: TransferSetup, stage1: StagePlan): TransferRecord {
  const store = pageRunStore();
  const run = store.add({
    name: `nn-transfer · ${name}`,
    source: 'nn-transfer',
    spec: { ...setup, stage1: stageSpec(stage1) },
    hparams: { base: setup.base, head_units: setup.headUnits, learning_rate: stage1.learningRate, epochs: stage1.epochs, batch_size: stage1.batchSize },
    stage: 'head, then fine-tuning the top two convs (from the stage 2 marker)',
  });
  const columns: Record<string, number[]> = {};
  const markers: RunMarkers = {};
  let epochs = 0;
  return {
    id: run.id,
    markers,
    stage(stage, plan, offer) {
      if (stage === 1) return void store.update(run.id, { status: 'running' });
      markers.phases = [...(markers.phases ?? []), { epoch: epochs + 1, label: 'stage 2' }];
      store.update(run.id, {
        status: 'running',
        markers,
        summary: { stage2StartEpoch: epochs + 1, stage2LearningRate: plan.learningRate, stage2Epochs: plan.epochs, stage2Images: plan.subset },
        ...(offer ? { message: offer } : {}),
      });
    },
    epoch(end) {
      epochs++;
      const scalars: Record<string, number> = {};
      for (const [k, v] of Object.entries(end.logs)) if (typeof v === 'number') (columns[k] ??= []).push((scalars[k] = v));
      store.appendEpoch(run.id, scalars);
      return { ...columns };
    },
    end(result) {
      if (!result) return void store.end(run.id, 'aborted', { markers });
      const status = result.stopReason === 'diverged' || result.stopReason === 'nan' ? 'diverged' : result.stopReason === 'stopped' ? 'stopped' : 'done';
      store.end(run.id, status, { markers, message: result.message });
    },
    compared(c) {
      const [a, b] = c.scores;
      store.update(run.id, {
        summary: {
          testAccuracy: b.accuracy, testBalancedAccuracy: b.balancedAccuracy,
          originalTestAccuracy: a.accuracy, originalTestBalancedAccuracy: a.balancedAccuracy, baselineAccuracy: c.baseline.accuracy,
        },
      });
    },
  };
}
