/**
 * Saving to browser storage (IndexedDB), and loading from storage, a URL, files the student picked, or files in
 * memory — including a Keras model converted with `tensorflowjs_converter --input_format keras`.
 */
import * as tf from '@tensorflow/tfjs';
import { TfError } from '../errors.js';
import { artifactsFromFiles, modelToFiles } from './artifacts.js';
import type { ModelFiles } from './model-files.js';

/**
 * Where a model is saved:
 * - `'indexeddb://name'` (or any URL scheme TF.js saves to: `localstorage://`),
 * - `{ files: true }`: return the files (model.json + weights) for a download link.
 */
export type SaveTarget = string | { files: true; weightsName?: string };

/** What saving returns: the storage URL, or the files. */
export type SaveOutcome = { url: string; bytes: number } | { files: ModelFiles };

/**
 * A model to load:
 * - a URL to model.json (`https://…`, `/models/cifar/model.json`) or a storage URL (`indexeddb://name`),
 * - `{ json, weights }`: Blobs or Files (from `<input type="file" multiple>`), weights named as in the manifest,
 * - {@link ModelFiles}: what saving to files returned.
 */
export type LoadSource = string | { json: Blob; weights: Blob[] } | ModelFiles;

/**
 * Saves `model`.
 *
 * @throws {TfError} `save` with TF.js's reason (no IndexedDB, quota exceeded, an unknown scheme).
 */
export async function saveModel(model: tf.LayersModel, target: SaveTarget): Promise<SaveOutcome> {
  try {
    if (typeof target === 'string') {
      const result = await model.save(target);
      return { url: target, bytes: result.modelArtifactsInfo.weightDataBytes ?? 0 };
    }
    return { files: await modelToFiles(model, target.weightsName) };
  } catch (err) {
    const where = typeof target === 'string' ? target : 'files';
    throw new TfError('save', `Saving the model to ${where} failed: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Loads a layers-format model.
 *
 * @throws {TfError} `load`, naming the source: not found, not a layers model, weights missing or of the wrong
 *   size, a layer TF.js does not know.
 */
export async function loadModel(source: LoadSource): Promise<tf.LayersModel> {
  const where = typeof source === 'string' ? source : 'json' in source ? 'the chosen files' : 'the model files';
  try {
    if (typeof source === 'string') return await tf.loadLayersModel(source);
    let artifacts: tf.io.ModelArtifacts;
    if ('modelJson' in source) {
      artifacts = artifactsFromFiles(source.modelJson, new Map([[source.weightsName, source.weights]]), where);
    } else {
      const weights = new Map<string, ArrayBuffer>();
      for (const [i, blob] of source.weights.entries()) {
        weights.set((blob as File).name ?? `weights${i}.bin`, await blob.arrayBuffer());
      }
      artifacts = artifactsFromFiles(await source.json.text(), weights, (source.json as File).name ?? where);
    }
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (err) {
    if (err instanceof TfError) throw err;
    throw new TfError('load', `Loading the model from ${where} failed: ${(err as Error).message}`, { cause: err });
  }
}
