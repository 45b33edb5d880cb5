import { tensorBoardLogdir, type LogdirOptions } from './tensorboard.js';
import type { RunRecord } from './types.js';
import { zipFiles } from './zip.js';

/**
 * The runs as a zip of a TensorBoard log directory (see {@link tensorBoardLogdir}): unzip it and run
 * `tensorboard --logdir <the folder>`.
 */
export function tensorBoardZip(runs: readonly RunRecord[], options: LogdirOptions = {}): Promise<Uint8Array> {
  return zipFiles(tensorBoardLogdir(runs, options));
}
