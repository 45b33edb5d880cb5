/**
 * The one error type of the TensorFlow.js side. It crosses the worker boundary as `{ name, code, message }` and is
 * rebuilt on the other side, so an element can react to `code` without parsing the message.
 */

/** What kind of failure a {@link TfError} is. */
export type TfErrorCode =
  | 'spec' // a ModelSpec/TrainSpec the TF engine cannot build or run (names the field)
  | 'backend' // no backend could start, or a forced one is not available
  | 'data' // data missing, of the wrong shape, or failed to load (names the source)
  | 'model' // no model built or loaded yet, or the model does not fit the data
  | 'state' // a request that does not fit the session's state (train while training, resume when not paused)
  | 'save' // saving failed (storage full, no IndexedDB)
  | 'load' // loading a model failed (names the source)
  | 'terminated' // the worker was terminated while the request was pending
  | 'aborted' // the request was cancelled (an AbortSignal, or stop() during a load)
  | 'internal'; // anything else: the message says what

/** An error of the TF engine or the training worker, with a machine-readable `code`. */
export class TfError extends Error {
  /** The kind of failure. */
  readonly code: TfErrorCode;
  /** The finer code of the error this one wraps, when it had one (a Cifar10Error's `http`, `truncated`, ...). */
  readonly reason: string | undefined;

  constructor(code: TfErrorCode, message: string, options: { cause?: unknown; reason?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TfError';
    this.code = code;
    this.reason = options.reason;
  }
}

/** The plain form of an error that survives `postMessage`. */
export interface SerializedError {
  /** The original class name: TfError, SpecError, Cifar10Error, AbortError, TypeError, ... */
  name: string;
  code: TfErrorCode;
  reason?: string;
  message: string;
}

/** Which TfErrorCode a foreign error maps to, by its class name. */
const CODE_BY_NAME: Record<string, TfErrorCode> = {
  SpecError: 'spec',
  Cifar10Error: 'data',
  AbortError: 'aborted',
};

/** Any thrown value as a {@link SerializedError}: TfErrors keep their code; others get one by their class name. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof TfError) {
    return { name: err.name, code: err.code, message: err.message, ...(err.reason ? { reason: err.reason } : {}) };
  }
  if (err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)) {
    const e = err as { name?: string; message: string; code?: unknown };
    const name = e.name ?? 'Error';
    const reason = typeof e.code === 'string' ? e.code : undefined;
    return { name, code: CODE_BY_NAME[name] ?? 'internal', message: e.message, ...(reason ? { reason } : {}) };
  }
  return { name: 'Error', code: 'internal', message: String(err) };
}

/** Rebuilds a thrown error from its serialized form: a TfError whose `name` is the original class name. */
export function deserializeError(e: SerializedError): TfError {
  const err = new TfError(e.code, e.message, { reason: e.reason });
  err.name = e.name;
  return err;
}
