/**
 * What a 2-D lab (`<nn-trainer>`) may be given: it makes its data and trains on the page's main thread, in slices,
 * and draws every point, so its sizes are smaller than the engine's own limits (src/spec/limits.ts).
 */
import { validateSpec, type SpecProblem } from '../spec/index.js';
import type { LabSetup } from './types.js';

export const LAB_LIMITS = Object.freeze({
  /** Points of a lab's data set (each is drawn on the decision map). */
  maxSamples: 1_000,
  /** Weights of the model: its decision map (40×40) is computed again for every frame drawn while it trains. */
  maxWeights: 20_000,
  /** Units of one Dense layer. */
  maxUnits: 256,
  /** Dense layers, the output layer included. */
  maxLayers: 10,
  /** Epochs of one run (its curves and each layer's gradient size per epoch are drawn: 2,000 × 10 values). */
  maxEpochs: 2_000,
  /** Examples per step. */
  maxBatchSize: 10_000,
});

/** Every problem of a lab setup: the spec's own (validateSpec), then the lab's limits. */
export function labSetupProblems(setup: unknown): SpecProblem[] {
  const problems = validateSpec(setup as never);
  if (problems.length) return problems;
  const s = setup as LabSetup;
  const over = (path: string, value: number, max: number, what: string) => {
    if (value > max) problems.push({ path, message: `${path} is ${value.toLocaleString('en')}; a lab takes at most ${max.toLocaleString('en')} ${what}`, value });
  };
  if (s.data?.nSamples !== undefined) over('data.nSamples', s.data.nSamples, LAB_LIMITS.maxSamples, 'points');
  over('model.layers', s.model.layers.length, LAB_LIMITS.maxLayers, 'layers');
  let weights = 0;
  let inputs = s.model.inputShape[0];
  s.model.layers.forEach((l, i) => {
    if (l.type !== 'dense') return;
    over(`model.layers[${i}].units`, l.units, LAB_LIMITS.maxUnits, 'units per layer');
    weights += inputs * l.units + (l.useBias === false ? 0 : l.units);
    inputs = l.units;
  });
  if (weights > LAB_LIMITS.maxWeights) {
    problems.push({ path: 'model', message: `the model has ${weights.toLocaleString('en')} weights; a lab takes at most ${LAB_LIMITS.maxWeights.toLocaleString('en')}`, value: weights });
  }
  over('train.epochs', s.train.epochs, LAB_LIMITS.maxEpochs, 'epochs');
  if (s.train.batchSize !== undefined) over('train.batchSize', s.train.batchSize, LAB_LIMITS.maxBatchSize, 'examples per step');
  return problems;
}
