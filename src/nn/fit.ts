/**
 * `fit` two ways over one {@link Trainer}: a synchronous loop for Node and workers, and time-sliced async training
 * for a page — it runs steps until about `sliceMs` (default 8 ms) have passed, then yields a macrotask so the
 * page can paint, run its timers and handle input, and goes on. An
 * AbortSignal or `abort()` stops it between steps; `pause()`/`resume()` hold it between steps.
 */
import type { LabelInput, MatrixInput } from './data-input.js';
import type { Sequential } from './sequential.js';
import { Trainer, type FitOptions, type History } from './trainer.js';
import { yieldToEventLoop } from './event-loop.js';

export { yieldToEventLoop };

export { Trainer, type FitOptions, type History, type LayerGradientNorm } from './trainer.js';

/**
 * Keras's `model.fit(x, y, batch_size, epochs, ...)`, synchronously. The model must be compiled; options override
 * the TrainSpec's fields.
 * @throws SpecError for bad data or options (before any step runs); Error when the model is not compiled.
 */
export function fit(model: Sequential, x: MatrixInput, y: LabelInput, options: FitOptions = {}): History {
  return new Trainer(model, x, y, options).run();
}

/** Options of the async fit: the sync ones plus cancellation and slicing. */
export interface AsyncFitOptions extends FitOptions {
  /** Stops training between steps when aborted; the history then says `stopped.reason: 'aborted'`. */
  signal?: AbortSignal;
  /** Milliseconds of work between yields to the page (default 8, half a 60 Hz frame). */
  sliceMs?: number;
}

/** A training run in progress: pause, resume or stop it; `done` resolves with the history when it ends. */
export interface TrainingRun {
  /** Resolves with the history when training ends (finished, stopped early, or aborted). */
  readonly done: Promise<History>;
  /** The history so far (filled epoch by epoch). */
  readonly history: History;
  readonly paused: boolean;
  /** Holds training between steps until {@link resume}. */
  pause(): void;
  resume(): void;
  /** Stops training between steps; `done` resolves with `history.stopped.reason === 'aborted'`. */
  abort(): void;
}


/**
 * Starts time-sliced training and returns its controller at once. Bad data or options throw here, before any
 * step runs.
 */
export function startFit(model: Sequential, x: MatrixInput, y: LabelInput, options: AsyncFitOptions = {}): TrainingRun {
  const trainer = new Trainer(model, x, y, options);
  const sliceMs = options.sliceMs ?? 8;
  const signal = options.signal;
  let paused = false;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onAbort = () => {
    trainer.abort('Training was aborted.');
    wakeUp();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const loop = async (): Promise<History> => {
    try {
      // Let startFit return its controller before the first slice runs.
      await null;
      if (signal?.aborted) trainer.abort('Training was aborted before it started.');
      while (!trainer.done) {
        if (paused) {
          await new Promise<void>((r) => (wake = r));
          continue;
        }
        const t0 = performance.now();
        while (trainer.step() && !paused && performance.now() - t0 < sliceMs);
        if (!trainer.done) await yieldToEventLoop();
      }
      return trainer.history;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
  const done = loop();
  return {
    done,
    history: trainer.history,
    get paused() {
      return paused;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      wakeUp();
    },
    abort() {
      trainer.abort('Training was aborted.');
      wakeUp();
    },
  };
}

/** Time-sliced `fit` as a promise of the history (see {@link startFit} for pausing). */
export function fitAsync(model: Sequential, x: MatrixInput, y: LabelInput, options: AsyncFitOptions = {}): Promise<History> {
  try {
    return startFit(model, x, y, options).done;
  } catch (e) {
    return Promise.reject(e);
  }
}
