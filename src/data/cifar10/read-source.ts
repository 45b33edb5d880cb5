import { ArchiveBatches } from './archive.js';
import { splitOfFile, type Cifar10Batch } from './batch.js';
import { CacheWriter, type Cifar10Cache } from './cache.js';
import { SNIFF_BYTES, detectFormat } from './detect.js';
import { Cifar10Error, abortError } from './errors.js';
import { Gunzip } from './gunzip.js';
import type { ProgressReporter } from './progress.js';
import { CIFAR10_RECORD_BYTES } from './classes.js';
import { CIFAR10_MAX_ARCHIVE_BYTES, type DeclaredSize, type RecordBudget } from './limits.js';
import { RecordSink } from './record-sink.js';
import type { OpenedSource } from './sources.js';

/** What reading one source needs from the load around it. */
export interface ReadContext {
  signal: AbortSignal | undefined;
  progress: ProgressReporter;
  cache: Cifar10Cache | undefined;
  /** The records the load may still hold, shared by its sources. */
  budget: RecordBudget;
  /** Archive entries skipped as not part of CIFAR-10, as `<archive>: <entry>`; readSource adds to it. */
  ignored: string[];
}

/** Where a source's bytes go once its format is known. */
interface Sink {
  write(bytes: Uint8Array): void | Promise<void>;
  finish(): Cifar10Batch[] | Promise<Cifar10Batch[]>;
  cancel(reason: unknown): void;
  /** Archive entries it skipped that CIFAR-10's archive does not have. */
  ignored?: readonly string[];
}

/**
 * Reads one opened source to its batches: sniffs its first bytes, then streams every chunk at once into the cache
 * (when it came from the network), the progress count and the parser, so the body is never collected whole.
 * The cache entry is committed only after the parser accepted the whole body; any failure discards it.
 */
export async function readSource(source: OpenedSource, ctx: ReadContext): Promise<Cifar10Batch[]> {
  const { signal, progress } = ctx;
  const reader = source.stream.getReader();
  const cacheWriter =
    ctx.cache && source.cacheKey && !source.fromCache
      ? new CacheWriter(ctx.cache, source.cacheKey, cacheHeaders(source))
      : undefined;
  let sink: Sink | undefined;
  /** Bytes that arrived, counted as they are read (not as they are parsed), for every message. */
  let loaded = 0;
  // A pending read resolves (done) when cancelled, so an abort does not wait for the next chunk.
  const onAbort = () => void reader.cancel(abortError(signal)).catch(() => {});
  signal?.addEventListener('abort', onAbort);
  const checked = source.size !== 'hint' ? source.total : undefined;

  const read = async (): Promise<Uint8Array | undefined> => {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (err) {
      if (signal?.aborted) throw abortError(signal);
      throw streamFailure(source, loaded, checked, err);
    }
    if (signal?.aborted) throw abortError(signal);
    if (result.done) return undefined;
    loaded += result.value.length;
    if (checked !== undefined && loaded > checked) {
      throw new Cifar10Error(
        'overrun',
        `${source.name} sent more than the ${checked} bytes it declared (at least ${loaded} arrived); ` +
          "the server's Content-Length is wrong, or the file changed while it was read.",
        { source: source.name },
      );
    }
    return result.value;
  };
  const consume = async (chunk: Uint8Array): Promise<void> => {
    progress.add(chunk.length);
    cacheWriter?.write(chunk);
    await sink!.write(chunk);
  };

  try {
    if (signal?.aborted) throw abortError(signal);
    if (checked !== undefined && checked > CIFAR10_MAX_ARCHIVE_BYTES) {
      // More than any CIFAR-10 file, archive or batch, can be: refused before a byte is read.
      ctx.budget.take(Math.ceil(checked / CIFAR10_RECORD_BYTES), source.name, declaredSize(source, checked));
    }
    // Enough of the start to tell gzip, tar, HTML and records apart.
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_BYTES) {
      const chunk = await read();
      if (!chunk) {
        ended = true;
        break;
      }
      head.push(chunk);
      headBytes += chunk.length;
    }
    sink = makeSink(detectFormat(joinHead(head), source.name, source.contentType), source, ctx.budget);
    for (const chunk of head) await consume(chunk);
    while (!ended) {
      const chunk = await read();
      if (!chunk) break;
      await consume(chunk);
    }
    if (checked !== undefined && loaded < checked) {
      throw new Cifar10Error(
        'truncated',
        `${source.name} ended after ${loaded} of ${checked} bytes; the download was cut short.`,
        { source: source.name },
      );
    }
    const batches = await sink.finish();
    if (signal?.aborted) throw abortError(signal);
    for (const entry of sink.ignored ?? []) ctx.ignored.push(`${source.name}: ${entry}`);
    await cacheWriter?.commit();
    return batches;
  } catch (err) {
    const reason = signal?.aborted ? abortError(signal) : err;
    sink?.cancel(reason);
    cacheWriter?.discard(reason);
    await reader.cancel(reason).catch(() => {});
    if (source.fromCache && source.cacheKey && !signal?.aborted) {
      // A cached copy that fails to parse would fail every reload: drop it so the next load fetches afresh.
      await ctx.cache?.delete(source.cacheKey).catch(() => false);
    }
    throw reason;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function makeSink(format: ReturnType<typeof detectFormat>, source: OpenedSource, budget: RecordBudget): Sink {
  if (format === 'bin') {
    // A size that holds reserves or bounds the arrays; a hint, or none, lets them grow as records come.
    const declared =
      source.total !== undefined && source.size !== 'hint' ? declaredSize(source, source.total) : undefined;
    const records = new RecordSink(source.name, { declared, certain: source.size === 'certain', budget });
    return {
      write: (bytes) => records.write(bytes),
      finish: () => [{ name: source.name, split: splitOfFile(source.name), data: records.finish() }],
      cancel: () => {},
    };
  }
  const archive = new ArchiveBatches(source.name, budget);
  if (format === 'tar') {
    return {
      write: (bytes) => archive.write(bytes),
      finish: () => archive.finish(),
      cancel: () => {},
      ignored: archive.ignored,
    };
  }
  const gunzip = new Gunzip(source.name, archive);
  return {
    write: (bytes) => gunzip.write(bytes),
    finish: () => gunzip.finish(),
    cancel: (reason) => gunzip.cancel(reason),
    ignored: archive.ignored,
  };
}

function declaredSize(source: OpenedSource, bytes: number): DeclaredSize {
  return { by: source.size === 'certain' ? 'is' : 'its Content-Length declares', bytes };
}

/** The first chunks as one view (a copy only when the first chunk is shorter than the sniff window). */
function joinHead(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 0) return new Uint8Array(0);
  if (chunks.length === 1 || chunks[0].length >= SNIFF_BYTES) return chunks[0];
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function cacheHeaders(source: OpenedSource): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': source.contentType || 'application/octet-stream' };
  // Kept so a read from the cache reports progress against a total too; a hint may count encoded bytes.
  if (source.total !== undefined && source.size !== 'hint') headers['content-length'] = String(source.total);
  return headers;
}

/**
 * The error for a body stream that failed: with a declared size not reached, the download was cut short
 * ('truncated', with the bytes that arrived and the bytes declared); otherwise a 'network' failure.
 */
function streamFailure(source: OpenedSource, loaded: number, declared: number | undefined, err: unknown): Cifar10Error {
  const detail = err instanceof Error ? err.message : String(err);
  if (declared !== undefined && loaded < declared) {
    return new Cifar10Error(
      'truncated',
      `${source.name} ended after ${loaded} of ${declared} bytes: the connection broke off (${detail}). ` +
        'Try again.',
      { source: source.name, cause: err },
    );
  }
  return new Cifar10Error(
    'network',
    `${source.name}: reading failed after ${loaded} bytes (${detail}).`,
    { source: source.name, cause: err },
  );
}
