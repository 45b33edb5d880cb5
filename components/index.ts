// Registers every element (package export `nn-mathlets`). One line per element.
export * from './events/index.js';
export type * from './types.js';
export { NnElement } from './internal/nn-element.js';
export { configure, TRUSTED_TYPES_POLICY, type NnSettings } from './config.js';
export { NnMath } from './nn-math/nn-math.js';
export { NnBoundary } from './nn-boundary/nn-boundary.js';
export { NnNetwork } from './nn-network/nn-network.js';
export { NnMathlet } from './nn-mathlet/nn-mathlet.js';
export { NnNudge } from './nn-nudge/nn-nudge.js';
export { NnCurves } from './nn-curves/nn-curves.js';
export { NnActivations } from './nn-activations/nn-activations.js';
export { NnGradientFlow } from './nn-gradient-flow/nn-gradient-flow.js';
export { NnBackprop } from './nn-backprop/nn-backprop.js';
export { NnTrainer } from './nn-trainer/nn-trainer.js';
export { NnSchedule } from './nn-schedule/nn-schedule.js';
export { NnLrSweep } from './nn-lr-sweep/nn-lr-sweep.js';
export { NnCifar } from './nn-cifar/nn-cifar.js';
export { NnRuns } from './nn-runs/nn-runs.js';
