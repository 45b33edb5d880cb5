import { Cifar10Error } from './errors.js';

/** Where decompressed bytes go: written in order, then finished. */
export interface ByteConsumer<T> {
  write(bytes: Uint8Array): void;
  finish(): T;
}

/**
 * Decompresses gzip bytes as they arrive (the platform's `DecompressionStream`) and passes the output on as it
 * comes, so neither the whole compressed nor the whole decompressed data is ever held.
 */
export class Gunzip<T> {
  private readonly source: string;
  private readonly inner: ByteConsumer<T>;
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly pump: Promise<void>;
  /** The first error from `inner` (a bad batch, a bad tar header): it beats the stream errors it causes. */
  private innerError: unknown;

  constructor(source: string, inner: ByteConsumer<T>) {
    this.source = source;
    this.inner = inner;
    const stream = new DecompressionStream('gzip');
    this.writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    this.pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        try {
          inner.write(value);
        } catch (err) {
          this.innerError = err;
          // Cancelling the output errors the input side, so a pending write rejects instead of waiting forever.
          await reader.cancel(err).catch(() => {});
          throw err;
        }
      }
    })();
    this.pump.catch(() => {}); // observed by write() and finish()
  }

  /** Takes the next compressed bytes; resolves when the decompressor has taken them. */
  async write(bytes: Uint8Array): Promise<void> {
    try {
      // Stream chunks are never on a SharedArrayBuffer; the DOM typings just cannot know that.
      await this.writer.write(bytes as Uint8Array<ArrayBuffer>);
    } catch (err) {
      throw this.failure(err);
    }
  }

  /** Call at the end of the input: waits for the last output and finishes `inner`. */
  async finish(): Promise<T> {
    try {
      await this.writer.close();
      await this.pump;
    } catch (err) {
      throw this.failure(err);
    }
    return this.inner.finish();
  }

  /** Stops decompressing (an abort or an error elsewhere). */
  cancel(reason: unknown): void {
    this.writer.abort(reason).catch(() => {});
  }

  private failure(err: unknown): unknown {
    if (this.innerError !== undefined) return this.innerError;
    if (err instanceof Cifar10Error || (err instanceof DOMException && err.name === 'AbortError')) return err;
    const detail = err instanceof Error ? err.message : String(err);
    // zlib (Node) says "unexpected end of file", Chromium "Compressed input was truncated".
    const cut = /end of file|truncat|incomplete/i.test(detail);
    return new Cifar10Error(
      cut ? 'truncated' : 'corrupt-gzip',
      `${this.source}: the gzip data is ${cut ? 'cut short' : 'corrupt'} (${detail}); download the file again.`,
      { source: this.source, cause: err },
    );
  }
}
