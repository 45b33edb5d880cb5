/**
 * The model's forward pass as training needs it: layer by layer, with this library's seeded dropout in training
 * mode, and the last layer's logits when a softmax/sigmoid output meets a cross-entropy (Keras's fused path).
 */
import * as tf from '@tensorflow/tfjs';
import { cachePlan } from '../../transfer/layers.js';
import { dropoutMask, maskSeed } from './dropout.js';
import type { OutputKind } from './losses.js';

/** How a forward pass treats dropout. */
export interface ForwardOptions {
  /** Training mode: dropout drops; otherwise it passes values through, as in inference. */
  training: boolean;
  /** Run seed and step for the dropout masks (training only). */
  seed?: number;
  step?: number;
  /** Return the last layer's logits when its activation is softmax/sigmoid (for the fused losses). */
  logits?: boolean;
  /**
   * Index of the model's first layer in a larger model (a top part trained on cached activations): dropout masks
   * are drawn for the layer's index in that model, so they are the masks the full model would draw.
   */
  layerOffset?: number;
  /**
   * Layers below this index run as at inference even in training mode (their dropout is off): the frozen base of
   * a transfer model, whose output is then the same at every step and can be cached (see {@link frozenPrefix}).
   */
  frozenBelow?: number;
}

/** The layers a forward pass runs: a Sequential's layers, without the input layer a loaded model may list. */
export function modelLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((l) => l.getClassName() !== 'InputLayer');
}

/**
 * Where a model's frozen base ends: the index from which a training step must compute (the first trainable layer
 * with weights, and the Dropout or Flatten layers just before it); 0 when every layer trains or none does.
 * Below it the layers are frozen and run as at inference, so activations there can be cached; a Dropout just below a
 * trainable layer still drops, as it acts on that layer's input. Keras would also drop in a frozen base's lower
 * Dropout layers during fit (its transfer guide calls the base with training=False, which turns off all of them).
 */
export function frozenPrefix(model: tf.LayersModel): number {
  const layers = modelLayers(model).map((l) => ({ name: l.name, className: l.getClassName(), params: l.countParams(), trainable: l.trainable }));
  if (!layers.some((l) => l.trainable && l.params > 0)) return 0;
  return cachePlan(layers).from;
}

function activationOf(layer: tf.layers.Layer): string | undefined {
  const a = (layer.getConfig() as { activation?: unknown }).activation;
  return typeof a === 'string' ? a : undefined;
}

/**
 * What the last tensor of a forward pass with `logits: true` will be. A Dense layer with softmax/sigmoid, or a
 * separate Activation layer (the homework's Keras code ends with `Activation('softmax')`), gives its logits.
 */
export function outputKind(model: tf.LayersModel, fromLogits: boolean): OutputKind {
  const last = modelLayers(model).at(-1);
  if (!last) return fromLogits ? 'logits' : 'probabilities';
  const act = activationOf(last);
  const fusable = last.getClassName() === 'Dense' || last.getClassName() === 'Activation';
  if (fusable && act === 'softmax') return 'softmax-logits';
  if (fusable && act === 'sigmoid') return 'sigmoid-logits';
  return fromLogits ? 'logits' : 'probabilities';
}

/**
 * Runs `x` through the model. Call inside `tf.tidy` (intermediates are not disposed here).
 * With `logits` and an output kind of softmax-/sigmoid-logits, the result is the pre-activation of the last layer.
 */
export function forward(model: tf.LayersModel, x: tf.Tensor, options: ForwardOptions): tf.Tensor {
  const layers = modelLayers(model);
  const kind = options.logits ? outputKind(model, false) : 'probabilities';
  const fused = kind === 'softmax-logits' || kind === 'sigmoid-logits';
  let h = x;
  layers.forEach((layer, i) => {
    const isLast = i === layers.length - 1;
    const className = layer.getClassName();
    if (className === 'Dropout') {
      if (!options.training || i < (options.frozenBelow ?? 0)) return;
      const rate = (layer.getConfig() as { rate: number }).rate;
      if (rate <= 0) return;
      const mask = dropoutMask(h.size, rate, maskSeed(options.seed ?? 0, i + (options.layerOffset ?? 0), options.step ?? 0));
      h = tf.mul(h, tf.tensor(mask, h.shape));
      return;
    }
    if (isLast && fused) {
      // Activation layer: its input is the logits. Dense: x·W + b, the layer without its activation.
      if (className === 'Activation') return;
      const [kernel, bias] = layer.weights.map((w) => w.read());
      const z = h.rank === 2 ? tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D) : tf.dot(h, kernel);
      h = bias ? tf.add(z, bias) : z;
      return;
    }
    h = layer.apply(h, { training: options.training }) as tf.Tensor;
  });
  return h;
}
