/**
 * A saved model as two files in TensorFlow.js's layers format: `model.json` (Keras topology + weights manifest)
 * and one weights file. No TensorFlow.js here, so a page can turn the files into a download without loading it.
 */

/** model.json's text and the weights, ready to write as two files. */
export interface ModelFiles {
  /** The model.json text; its manifest names the weights file `weightsName`. */
  modelJson: string;
  weightsName: string;
  weights: ArrayBuffer;
}

/** Default file names, as tf.io.browserDownloads('model') names them. */
export const MODEL_JSON_NAME = 'model.json';
export const WEIGHTS_NAME = 'model.weights.bin';

/**
 * The two files as Blobs, for `URL.createObjectURL` and a download link in the page. Keep the names: model.json's
 * manifest refers to the weights as `weightsName`, and loading matches files by name.
 */
export function modelFilesToBlobs(files: ModelFiles): { json: Blob; weights: Blob; jsonName: string; weightsName: string } {
  return {
    json: new Blob([files.modelJson], { type: 'application/json' }),
    weights: new Blob([files.weights], { type: 'application/octet-stream' }),
    jsonName: MODEL_JSON_NAME,
    weightsName: files.weightsName,
  };
}
