/**
 * The vanishing gradient, seen at initialisation: the gradient size reaching each layer of a deep, narrow network
 * for a given activation (problem 12's "gradient size by depth").
 */
import { layerGradientNorms, Network } from '../nn/index.js';
import type { ActivationName, DenseLayerSpec, InitializerSpec } from '../spec/index.js';
import { prepareLabData } from './data.js';
import { VANISHING_DATA } from './presets.js';

/** Options of {@link gradientByDepth}. */
export interface DepthOptions {
  activation: ActivationName;
  /** Hidden layers (default 10). */
  depth?: number;
  /** Units per hidden layer (default 16). */
  units?: number;
  /** Kernel initializer of every layer (default Keras's glorot_uniform). */
  initializer?: InitializerSpec;
  seed?: number;
  /** Points and labels to take the gradient over (default: 256 training points of problem 1's circles). */
  X?: number[][];
  y?: number[];
}

let defaultBatch: { X: number[][]; y: number[] } | undefined;
function batch(): { X: number[][]; y: number[] } {
  if (!defaultBatch) {
    const d = prepareLabData(VANISHING_DATA).train;
    defaultBatch = { X: d.X.slice(0, 256), y: d.y.slice(0, 256) };
  }
  return defaultBatch;
}

/**
 * Per hidden layer (index 0 next to the input), the L2 norm of dLoss/dkernel at initialisation, for a stack of
 * `depth` Dense(units, activation) layers under a Dense(1, sigmoid) output, with binary cross-entropy.
 * @throws RangeError for a depth or width out of range.
 */
export function gradientByDepth(options: DepthOptions): number[] {
  const { activation, depth = 10, units = 16, initializer = 'glorot_uniform', seed = 0 } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > 50) throw new RangeError(`depth must be a whole number from 1 to 50, got ${depth}`);
  if (!Number.isInteger(units) || units < 1 || units > 128) throw new RangeError(`units must be a whole number from 1 to 128, got ${units}`);
  const layers: DenseLayerSpec[] = Array.from({ length: depth }, () => ({ type: 'dense', units, activation, kernelInitializer: initializer }));
  layers.push({ type: 'dense', units: 1, activation: 'sigmoid', kernelInitializer: initializer });
  const model = Network.fromSpec({ inputShape: [2], layers, seed });
  const { X, y } = options.X && options.y ? { X: options.X, y: options.y } : batch();
  return layerGradientNorms(model, X, y, { loss: 'binary_crossentropy' })
    .slice(0, depth)
    .map((g) => g.kernel);
}
