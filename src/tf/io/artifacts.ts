/**
 * A model to and from its files in TensorFlow.js's layers format (what `tensorflowjs_converter` writes from Keras,
 * and what `tf.io.browserDownloads` would save), in memory, so it works in a worker and crosses to the page by
 * transfer (the page makes the download link: no DOM here).
 */
import * as tf from '@tensorflow/tfjs';
import { TfError } from '../errors.js';
import { WEIGHTS_NAME, type ModelFiles } from './model-files.js';

/** The model's files, made in memory (works in workers, where tf.io.browserDownloads cannot). */
export async function modelToFiles(model: tf.LayersModel, weightsName = WEIGHTS_NAME): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0);
      const json: Record<string, unknown> = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs ?? [] }],
      };
      if (artifacts.trainingConfig) json.trainingConfig = artifacts.trainingConfig;
      if (artifacts.userDefinedMetadata) json.userDefinedMetadata = artifacts.userDefinedMetadata;
      files = { modelJson: JSON.stringify(json), weightsName, weights };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files!;
}

interface ModelJsonLike {
  modelTopology?: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest?: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
  trainingConfig?: tf.io.TrainingConfig;
  userDefinedMetadata?: Record<string, unknown>;
}

/** The last path segment: manifests write "./group1-shard1of1.bin", files are named "group1-shard1of1.bin". */
const baseName = (path: string) => path.split('/').pop() ?? path;

/**
 * ModelArtifacts from model.json's text and its weight files by name (a single file is used whatever its name,
 * since browsers rename downloads: "model.weights (1).bin").
 *
 * @throws {TfError} `load` for JSON that is not a layers-format model.json, or a weights file that is missing.
 */
export function artifactsFromFiles(modelJson: string, weightFiles: Map<string, ArrayBuffer>, source: string): tf.io.ModelArtifacts {
  let json: ModelJsonLike;
  try {
    json = JSON.parse(modelJson) as ModelJsonLike;
  } catch (err) {
    throw new TfError('load', `${source} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!json || typeof json !== 'object' || !json.modelTopology) {
    throw new TfError('load', `${source} has no modelTopology: it is not a TensorFlow.js layers model.json.`);
  }
  if (json.format && json.format !== 'layers-model') {
    throw new TfError(
      'load',
      `${source} is a "${json.format}" model; only layers models (Keras models converted with tensorflowjs_converter) load here.`,
    );
  }
  const manifest = json.weightsManifest ?? [];
  const parts: ArrayBuffer[] = [];
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const single = weightFiles.size === 1 ? [...weightFiles.values()][0] : null;
  const paths = manifest.flatMap((g) => g.paths);
  for (const group of manifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) {
      const data = weightFiles.get(baseName(path)) ?? (paths.length === 1 ? single : null);
      if (!data) {
        throw new TfError('load', `${source} needs the weights file "${baseName(path)}", which was not given.`);
      }
      parts.push(data);
    }
  }
  return {
    modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? undefined,
    trainingConfig: json.trainingConfig,
    userDefinedMetadata: json.userDefinedMetadata as tf.io.ModelArtifacts['userDefinedMetadata'],
    weightSpecs,
    weightData: tf.io.CompositeArrayBuffer.join(parts),
  };
}
