import { cacheKeyFor, type Cifar10Cache } from './cache.js';
import { assertNotHtml } from './detect.js';
import { Cifar10Error, abortError } from './errors.js';

/** One thing `loadCifar10` can read: a URL, a `File`/`Blob` (from a file picker or a drop), or bytes in memory. */
export type Cifar10SourceItem = string | URL | Blob | ArrayBuffer | Uint8Array;

/** A source ready to be read: its byte stream and what is known about it before reading. */
export interface OpenedSource {
  /** URL or file name, for messages and batch names. */
  name: string;
  stream: ReadableStream<Uint8Array>;
  /** Byte length when known (Content-Length without a content encoding, Blob size): for progress and checks. */
  total: number | undefined;
  /**
   * How far `total` holds: `certain` (a Blob's size, bytes in memory) is reserved at once; `declared` (a
   * Content-Length the page can check) must match the bytes that arrive, both ways, and reserves only as they come;
   * `hint` (a cross-origin Content-Length, whose Content-Encoding the page cannot see) only moves the progress bar.
   */
  size: 'certain' | 'declared' | 'hint';
  contentType: string;
  /** Read from Cache Storage rather than the network. */
  fromCache: boolean;
  /** The Cache Storage key, for an http(s) URL when caching is on. */
  cacheKey: string | undefined;
}

/** Opens a URL: from the cache when it holds it, else with fetch; refuses HTTP errors and HTML pages at once. */
export async function openUrl(
  url: string,
  signal: AbortSignal | undefined,
  cache: Cifar10Cache | undefined,
): Promise<OpenedSource> {
  const cacheKey = cache ? cacheKeyFor(url) : undefined;
  if (cache && cacheKey) {
    const cached = await cache.match(cacheKey).catch(() => undefined);
    if (cached?.body) return fromResponse(url, cached, true, cacheKey);
  }
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (err) {
    if (signal?.aborted) throw abortError(signal);
    // Node's fetch says only "fetch failed"; the reason is in its cause.
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    const detail = err instanceof Error ? err.message + cause : String(err);
    throw new Cifar10Error('network', `Could not fetch ${url} (${detail}).`, { source: url, cause: err });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new Cifar10Error('http', `${url} answered HTTP ${status}; expected CIFAR-10 data.`, { source: url });
  }
  const opened = fromResponse(url, response, false, cacheKey);
  try {
    // The content type alone can refuse an HTML page before any of it is read.
    assertNotHtml(new Uint8Array(0), url, opened.contentType);
  } catch (err) {
    await opened.stream.cancel().catch(() => {});
    throw err;
  }
  return opened;
}

function fromResponse(url: string, response: Response, fromCache: boolean, cacheKey: string | undefined): OpenedSource {
  const length = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  // With a content encoding, Content-Length counts the encoded bytes, not the ones the body stream gives.
  const plain = !encoding || encoding === 'identity';
  const total = length !== null && /^\d+$/.test(length) && plain ? Number(length) : undefined;
  return {
    name: url,
    stream: response.body ?? emptyStream(),
    total,
    // CORS hides Content-Encoding unless the server exposes it, so a cross-origin length may count encoded bytes.
    size: response.type === 'cors' && !encoding ? 'hint' : 'declared',
    contentType: response.headers.get('content-type') ?? '',
    fromCache,
    cacheKey,
  };
}

/** Opens a `File` or `Blob`; its name, when it has one, decides .tar.gz detection and the batch's split. */
export function openBlob(blob: Blob): OpenedSource {
  const name = (blob as Partial<File>).name || 'Blob';
  return {
    name,
    stream: blob.stream(),
    total: blob.size,
    size: 'certain',
    contentType: blob.type,
    fromCache: false,
    cacheKey: undefined,
  };
}

/** Bytes already in memory, read like a one-chunk download. */
export function openBytes(bytes: ArrayBuffer | Uint8Array): OpenedSource {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (view.length > 0) controller.enqueue(view);
      controller.close();
    },
  });
  return {
    name: 'bytes',
    stream,
    total: view.length,
    size: 'certain',
    contentType: '',
    fromCache: false,
    cacheKey: undefined,
  };
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}

/** Opens one source item. */
export function openSource(
  item: Cifar10SourceItem,
  signal: AbortSignal | undefined,
  cache: Cifar10Cache | undefined,
): Promise<OpenedSource> {
  if (typeof item === 'string') return openUrl(item, signal, cache);
  if (item instanceof URL) return openUrl(item.href, signal, cache);
  if (item instanceof Uint8Array || item instanceof ArrayBuffer) return Promise.resolve(openBytes(item));
  if (item instanceof Blob) return Promise.resolve(openBlob(item));
  const type = Object.prototype.toString.call(item);
  return Promise.reject(new TypeError(`loadCifar10: cannot read a source of type ${type}.`));
}
