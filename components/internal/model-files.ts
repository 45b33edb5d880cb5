// Model files in and out of the page: a download of model.json + weights, and picked files back into a LoadSource.
import { modelFilesToBlobs, type LoadSource, type ModelFiles } from '../../src/worker/index.js';

/** Offers model.json and its weights as downloads (two links clicked in turn; the URLs are revoked after). */
export function downloadModel(files: ModelFiles, doc: Document = document): void {
  const blobs = modelFilesToBlobs(files);
  for (const [blob, name] of [[blobs.json, blobs.jsonName], [blobs.weights, blobs.weightsName]] as const) {
    const a = doc.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
}

/** Picked files as a model source: the one `.json` file, and every other file as its weights. */
export function pickedModel(files: FileList | File[]): LoadSource | string {
  const list = [...files];
  const json = list.filter((f) => f.name.endsWith('.json'));
  if (json.length !== 1) return 'Pick one model.json file and its weights file(s) together.';
  const weights = list.filter((f) => f !== json[0]);
  if (weights.length === 0) return 'Pick the weights file (.bin) together with model.json.';
  return { json: json[0], weights };
}
