/**
 * Which layers a transfer-learning run reuses, trains and caches, read from a model's layer list (a `ModelInfo`
 * from the worker, or a TF.js model's layers): the convolutional base, its top two conv layers, and the point below
 * the trainable layers whose activations can be computed once and cached.
 */

/** What these functions read of a layer. */
export interface LayerLike {
  name: string;
  /** Keras's class name: Conv2D, MaxPooling2D, Dropout, Flatten, Dense, Activation, … */
  className: string;
  params: number;
  trainable: boolean;
}

/** Layers whose output is drawn afresh at every training step: their input can be cached, their output cannot. */
const TRAIN_ONLY = new Set(['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);
/** Layers that only reshape: as cheap to run each step as to skip, so they join the trained part. */
const RESHAPE = new Set(['Flatten', 'Reshape']);

/**
 * The index of the last layer a new head reuses: the one just before the first Dense layer (the Flatten after
 * the homework's convolutional layers).
 *
 * @throws {RangeError} when there is no Dense layer, or nothing before it.
 */
export function defaultReuseCut(layers: readonly LayerLike[]): number {
  const dense = layers.findIndex((l) => l.className === 'Dense');
  if (dense < 1) {
    throw new RangeError(
      dense < 0 ? 'The base model has no Dense layer: there is no head to replace.' : 'The base model starts with a Dense layer: it has no convolutional layers to reuse.',
    );
  }
  return dense - 1;
}

/** The names of the Conv2D layers, in order. */
export function convLayers(layers: readonly LayerLike[]): string[] {
  return layers.filter((l) => l.className === 'Conv2D').map((l) => l.name);
}

/**
 * The names of the top `n` Conv2D layers (the ones problem 5 unfreezes, `n` = 2).
 *
 * @throws {RangeError} when the model has fewer than `n`.
 */
export function topConvLayers(layers: readonly LayerLike[], n = 2): string[] {
  const convs = convLayers(layers);
  if (convs.length < n) throw new RangeError(`The model has ${convs.length} convolutional layer${convs.length === 1 ? '' : 's'}; cannot unfreeze the top ${n}.`);
  return convs.slice(convs.length - n);
}

/** Where a run caches and what it trains. */
export interface CachePlan {
  /** Index of the first layer the run computes at every step. */
  from: number;
  /** The layer whose output is cached (the one before `from`), or null when the run starts at the input. */
  at: string | null;
  /** The layers with weights that train. */
  trainable: string[];
  /** The frozen layers with weights above `from` (they run each step but do not change). */
  frozenAbove: string[];
}

/**
 * The cache point for the model's current trainable flags: everything below the first trainable layer with
 * weights is frozen, so its output is the same at every step and is computed once. Dropout just below that layer
 * stays in the computed part (it draws a new mask each step, as the base would), and so does a Flatten.
 *
 * @throws {RangeError} when no layer with weights is trainable.
 */
export function cachePlan(layers: readonly LayerLike[]): CachePlan {
  const first = layers.findIndex((l) => l.trainable && l.params > 0);
  if (first < 0) throw new RangeError('No layer with weights is trainable: unfreeze at least one.');
  let from = first;
  while (from > 0 && (TRAIN_ONLY.has(layers[from - 1].className) || RESHAPE.has(layers[from - 1].className))) from--;
  const above = layers.slice(from).filter((l) => l.params > 0);
  return {
    from,
    at: from > 0 ? layers[from - 1].name : null,
    trainable: above.filter((l) => l.trainable).map((l) => l.name),
    frozenAbove: above.filter((l) => !l.trainable).map((l) => l.name),
  };
}
