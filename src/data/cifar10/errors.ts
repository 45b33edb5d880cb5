/**
 * What went wrong while reading CIFAR-10 data, so an element can react to the kind of failure
 * (offer a retry for `http`/`network`, ask for another file for the rest) without parsing messages.
 */
export type Cifar10ErrorCode =
  | 'empty' // no bytes at all
  | 'length' // byte length is not a whole number of 3,073-byte records
  | 'label' // a label byte above 9
  | 'http' // the server answered with an error status
  | 'html' // an HTML page arrived where binary data was expected
  | 'network' // the request or the body stream failed
  | 'truncated' // the data ended before its declared size (Content-Length, a tar entry's size)
  | 'overrun' // more bytes arrived than the source declared
  | 'too-large' // a declared or received size beyond what CIFAR-10 can be (60,000 records in one load)
  | 'bad-entry' // an archive entry named like a batch, but with a path or type that is not a plain file
  | 'not-gzip' // a .tar.gz that is not gzip data
  | 'corrupt-gzip' // gzip data that does not decompress
  | 'not-tar' // the decompressed data is not a tar archive
  | 'no-batches'; // a tar archive without data_batch_*.bin or test_batch.bin

/** An error in CIFAR-10 input: its message names the source and what was wrong. */
export class Cifar10Error extends Error {
  /** The kind of failure. */
  readonly code: Cifar10ErrorCode;
  /** The URL, file name or archive entry it came from, when known. */
  readonly source: string | undefined;

  constructor(code: Cifar10ErrorCode, message: string, options: { source?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Cifar10Error';
    this.code = code;
    this.source = options.source;
  }
}

/**
 * The error an aborted load rejects with: always a DOMException named 'AbortError' (what `fetch` uses), even when
 * the signal was aborted with a custom reason, so callers can test `err.name === 'AbortError'` alone.
 */
export function abortError(signal?: AbortSignal): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  const why = reason === undefined ? '' : `: ${reason instanceof Error ? reason.message : String(reason)}`;
  return new DOMException(`Loading CIFAR-10 was aborted${why}`, 'AbortError');
}

