/**
 * "Reuse these layers under a new head": a new Sequential model made of copies of a trained model's lower layers
 * (same names, same weights, frozen) and a new head (seeded initial weights, trainable), as the homework builds
 * `new_model` from the problem-4 model. The base model is left as it was, so it can still be compared.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerSpec } from '../../spec/index.js';
import { defaultReuseCut } from '../../transfer/layers.js';
import { headSpec } from '../../transfer/recipe.js';
import { TfError } from '../errors.js';
import { buildModel } from '../model/build-model.js';
import { describeModel } from '../model/describe-model.js';
import { kerasLayerNames } from '../model/layer-names.js';
import { modelLayers } from '../train/forward.js';

/** Options of {@link reuseLayers}. */
export interface ReuseOptions {
  /** Output classes of the new head (4 for the homework's task). */
  classes: number;
  /** The last base layer to keep (default: the one before the first Dense, the Flatten after the conv layers). */
  upTo?: string;
  /**
   * The new head, on the kept layers' output (default: the base's own head shape, Dense(512, relu), Dropout(0.5),
   * Dense(classes, softmax)). Layers without a name are called `head_<Keras name>`.
   */
  head?: LayerSpec[];
  /** Seed of the head's initial weights (default 0). */
  seed?: number;
}

type LayerJson = { class_name: string; config: Record<string, unknown> };

/**
 * A new model: copies of `base`'s layers up to `upTo`, frozen, then the new head, trainable.
 *
 * @returns the model and the names of the reused layers.
 * @throws {TfError} `model` when the base is not a Sequential model, `upTo` names no layer of it, or nothing would
 *   be reused; `spec` when the head does not build on the reused layers' output.
 */
export async function reuseLayers(base: tf.LayersModel, options: ReuseOptions): Promise<{ model: tf.LayersModel; reused: string[] }> {
  if (!(base instanceof tf.Sequential)) {
    throw new TfError('model', 'Only Sequential models (as the homework builds them) can lend their layers to a new head.');
  }
  const layers = modelLayers(base);
  let cut: number;
  if (options.upTo !== undefined) {
    cut = layers.findIndex((l) => l.name === options.upTo);
    if (cut < 0) throw new TfError('model', `The base model has no layer "${options.upTo}" (it has ${layers.map((l) => l.name).join(', ')}).`);
  } else {
    try {
      cut = defaultReuseCut(describeModel(base).layers);
    } catch (err) {
      throw new TfError('model', (err as Error).message, { cause: err });
    }
  }
  const kept = layers.slice(0, cut + 1);
  const outShape = (kept[cut].outputShape as Array<number | null>).slice(1) as number[];
  const spec = options.head ?? headSpec(512, options.classes);
  const names = kerasLayerNames(spec).map((n, i) => spec[i].name ?? `head_${n}`);
  const clash = names.find((n) => kept.some((l) => l.name === n));
  if (clash) throw new TfError('spec', `The head's layer name "${clash}" is taken by a reused layer: name it differently.`);
  const last = spec.at(-1);
  if (!last || last.type !== 'dense' || last.units !== options.classes) {
    throw new TfError('spec', `The head must end with a Dense layer of ${options.classes} units (one per class).`);
  }
  // The head is built alone first, for its seeded initial weights and its Keras config.
  const head = buildModel({ inputShape: outShape, seed: options.seed ?? 0, layers: spec.map((l, i) => ({ ...l, name: names[i] })) });
  try {
    const baseJson = base.toJSON(null, false) as unknown as { config: { layers: LayerJson[] } };
    const headJson = head.toJSON(null, false) as unknown as { config: { layers: LayerJson[] } };
    const keptNames = new Set(kept.map((l) => l.name));
    const baseLayers = baseJson.config.layers.filter((l) => l.class_name === 'InputLayer' || keptNames.has(l.config.name as string));
    const headLayers = headJson.config.layers
      .filter((l) => l.class_name !== 'InputLayer')
      .map(({ class_name, config }) => {
        // Only the first layer of a Sequential takes an input shape.
        const { batch_input_shape: _shape, ...rest } = config;
        return { class_name, config: rest };
      });
    const topology = { class_name: 'Sequential', config: { name: 'transfer', layers: [...baseLayers, ...headLayers] } };
    const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as Parameters<typeof tf.models.modelFromJSON>[0]);
    for (const layer of kept) {
      const copy = model.getLayer(layer.name);
      copy.setWeights(layer.getWeights());
      copy.trainable = false;
    }
    for (const name of names) model.getLayer(name).setWeights(head.getLayer(name).getWeights());
    return { model, reused: kept.map((l) => l.name) };
  } finally {
    head.dispose();
  }
}
