/** The Cache Storage cache that `loadCifar10` keeps downloads in. Bump the version to drop old entries. */
export const CIFAR10_CACHE_NAME = 'nn-mathlets-cifar10-v1';

/** What `loadCifar10` needs of a cache: the Cache Storage `Cache`, or a stand-in with the same three calls. */
export type Cifar10Cache = Pick<Cache, 'match' | 'put' | 'delete'>;

/**
 * Opens the named cache, or gives undefined where there is no Cache Storage (Node, insecure pages) or it is
 * refused (opaque origins, some private modes): caching only saves a download, so its absence is not an error.
 */
export async function openCifar10Cache(name = CIFAR10_CACHE_NAME): Promise<Cifar10Cache | undefined> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return undefined;
  try {
    return await storage.open(name);
  } catch {
    return undefined;
  }
}

/**
 * Deletes the cache of downloaded CIFAR-10 files (to free the space, or to force a fresh download).
 * Resolves true if there was one to delete; false where there is no Cache Storage.
 */
export async function deleteCifar10Cache(name = CIFAR10_CACHE_NAME): Promise<boolean> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return false;
  return storage.delete(name);
}

/** The cache key for a URL: absolute http(s) URLs only, as Cache Storage refuses other schemes (blob:, data:). */
export function cacheKeyFor(url: string): string | undefined {
  try {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    const absolute = new URL(url, base);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Streams a download into the cache as it arrives, and commits it only when `commit()` is called, after the whole
 * body was read and validated. The entry's body is a stream that this writer feeds: `discard()` errors it, and
 * Cache Storage then stores nothing (put is all or nothing), so an abort or a bad file never leaves half an entry.
 * Streaming, rather than collecting the bytes first, keeps a 170 MB archive from being held twice in memory.
 */
export class CacheWriter {
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly stored: Promise<void>;
  private open = true;

  constructor(cache: Cifar10Cache, key: string, headers: Record<string, string>) {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
    });
    this.stored = cache.put(key, new Response(body, { status: 200, headers }));
    // A refused put (quota, storage off) just stops caching; the load goes on.
    this.stored.catch(() => {
      this.open = false;
    });
  }

  /** Appends the next bytes (the chunk itself is queued, not copied; it must not change afterwards). */
  write(bytes: Uint8Array): void {
    if (!this.open) return;
    try {
      this.controller.enqueue(bytes);
    } catch {
      this.open = false; // the cache stopped reading
    }
  }

  /** Ends the body, so the cache commits the entry; resolves true when it was stored. */
  async commit(): Promise<boolean> {
    if (!this.open) return false;
    this.open = false;
    try {
      this.controller.close();
      await this.stored;
      return true;
    } catch {
      return false;
    }
  }

  /** Errors the body, so the cache stores nothing. */
  discard(reason: unknown): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.controller.error(reason);
    } catch {
      // already closed or cancelled: nothing was stored either way
    }
  }
}
