// The types of the elements' public properties and events, exported from `nn-mathlets` and beside every
// `nn-mathlets/elements/<tag>` import, so that a page's TypeScript can name what it sets and receives.
export type { NetParams, ParamKey } from './internal/params.js';
export type { ActivationName, ModelSpec, TrainSpec, ScheduleSpec } from '../src/spec/types.js';
export type { Sequential } from '../src/nn/sequential.js';
export type { Network } from '../src/nn/network.js';
export type { Classifier } from './internal/engine.js';
export type { BoundaryPoints } from './nn-boundary/overlay.js';
export type { HalfPlane } from './nn-boundary/half-plane.js';
export type { NudgeVariable } from './nn-nudge/nn-nudge.component.js';
export type { CurveRun } from './nn-curves/curves-series.js';
export type { LrSweepRun } from './nn-lr-sweep/sweep-runner.js';
export type { SweepRun, Recommendation } from '../src/tf/sweep/recommend.js';
export type { PredictResult } from '../src/worker/protocol.js';
export type { Measured } from './internal/lab-worker.js';
export type { LabPresetName, LabSetup, LabRun } from '../src/labs/types.js';
export type { RunStore } from '../src/runs/run-store.js';
export type { RunRecord } from '../src/runs/types.js';
export type { ModelComparison } from '../src/transfer/compare.js';
export type { NnErrorDetail } from './events/nn-error.js';
export type { NnSettings } from './internal/settings.js';
