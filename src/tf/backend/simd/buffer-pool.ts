/**
 * Recycled Float32Arrays for the fast CPU backend's kernel outputs. A fresh array of a few MB costs ten times the
 * loop that fills it (the browser maps new zeroed pages, and unmaps them when the array is collected), and a
 * training step makes dozens of them, the same sizes every step. So arrays this pool handed out return to it when
 * the backend deletes their tensor's data, and the next kernel of that size reuses one.
 *
 * An array is recycled only while nothing else can see it: the backend copies pooled data for every read
 * (`dataSync`, `data`), and an array that another tensor's data views (a cpu kernel's `subarray` slice) is let go
 * for good, to the garbage collector.
 */

/** Arrays smaller than this come from `new`: small arrays are cheap, and not worth tracking. */
const MIN_FLOATS = 16384;
/** The most the pool keeps, in floats (256 MB; a homework-CNN step at batch 64 frees about 160 MB). */
const MAX_POOLED_FLOATS = 64 * 1024 * 1024;
/** After this long without a kernel, the pool lets its arrays go: a page that trained once keeps no memory. */
const IDLE_MS = 5000;

/** One pool per backend instance. */
export class BufferPool {
  private readonly free = new Map<number, Float32Array[]>();
  /** Arrays handed out and not yet returned or let go, by their buffer. */
  private readonly owned = new WeakMap<ArrayBufferLike, Float32Array>();
  /** Owned arrays that hold a tensor's data now. */
  private readonly stored = new WeakSet<Float32Array>();
  private pooledFloats = 0;
  private lastUse = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** @param idleMs how long the pool stays unused before it lets its arrays go (tests shorten it). */
  constructor(private readonly idleMs = IDLE_MS) {}

  /** An array of `n` floats with undefined contents (the caller writes every element). */
  take(n: number): Float32Array {
    if (n < MIN_FLOATS) return new Float32Array(n);
    this.lastUse = Date.now();
    const reused = this.free.get(n)?.pop();
    let array: Float32Array;
    if (reused) {
      this.pooledFloats -= n;
      array = reused;
    } else {
      array = new Float32Array(n);
    }
    this.owned.set(array.buffer, array);
    return array;
  }

  /** An array of `n` zeros. */
  takeZeroed(n: number): Float32Array {
    const a = this.take(n);
    a.fill(0);
    return a;
  }

  /** True when `values` is a whole array this pool handed out (its reads must be copies). */
  owns(values: unknown): values is Float32Array {
    return values instanceof Float32Array && this.owned.get(values.buffer) === values;
  }

  /**
   * A tensor's data is now `values`. An owned array stored twice, or viewed by another tensor's data, is never
   * recycled: deleting one tensor's data must not hand out what the other still reads.
   */
  noteStored(values: unknown): void {
    if (!ArrayBuffer.isView(values)) return;
    const base = this.owned.get(values.buffer);
    if (!base) return;
    if (base !== values || this.stored.has(base)) this.owned.delete(values.buffer);
    else this.stored.add(base);
  }

  /** The data that held `values` was deleted: recycle it if the pool still owns it. */
  release(values: unknown): void {
    if (!this.owns(values)) return;
    this.owned.delete(values.buffer);
    this.stored.delete(values);
    if (this.pooledFloats + values.length > MAX_POOLED_FLOATS) return;
    let list = this.free.get(values.length);
    if (!list) this.free.set(values.length, (list = []));
    list.push(values);
    this.pooledFloats += values.length;
    this.lastUse = Date.now();
    this.scheduleTrim();
  }

  /** Clears the pool once it has been idle for `idleMs` (checked by a timer that never keeps Node running). */
  private scheduleTrim(): void {
    if (this.timer || typeof setTimeout !== 'function') return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (Date.now() - this.lastUse >= this.idleMs) this.clear();
      else this.scheduleTrim();
    }, this.idleMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Drops every pooled array (to the garbage collector). */
  clear(): void {
    this.free.clear();
    this.pooledFloats = 0;
  }

  /** Floats held for reuse now. */
  get pooled(): number {
    return this.pooledFloats;
  }
}
