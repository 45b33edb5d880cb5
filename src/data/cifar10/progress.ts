/** Download progress, in bytes as they arrive (compressed bytes for a .tar.gz). */
export interface Cifar10Progress {
  /** Bytes read so far, over all sources. */
  loaded: number;
  /** All sources' bytes together, when every source's size is known (Content-Length, Blob size); else undefined. */
  total: number | undefined;
}

/** Fewest bytes between two reports, so a fast local read does not call back thousands of times. */
const MIN_STEP = 64 * 1024;

/**
 * Calls `onProgress` about every 1% of `total` (every 1 MiB without one), once at the start and once at the end,
 * so a progress bar moves smoothly without the callback costing more than the download.
 */
export class ProgressReporter {
  private readonly onProgress: ((progress: Cifar10Progress) => void) | undefined;
  private total: number | undefined;
  private readonly step: number;
  private loaded = 0;
  private reported = -1;

  constructor(onProgress: ((progress: Cifar10Progress) => void) | undefined, total: number | undefined) {
    this.onProgress = onProgress;
    this.total = total;
    this.step = total === undefined ? 1 << 20 : Math.max(MIN_STEP, Math.ceil(total / 100));
  }

  /** Reports loaded = 0. */
  start(): void {
    this.report();
  }

  /** Counts `bytes` more, reporting when a step was crossed. */
  add(bytes: number): void {
    this.loaded += bytes;
    // A body longer than its declared length (an encoding the headers hid) makes the total meaningless.
    if (this.total !== undefined && this.loaded > this.total) this.total = undefined;
    if (this.loaded - this.reported >= this.step) this.report();
  }

  /** Reports the final count, unless it was just reported. */
  end(): void {
    if (this.reported !== this.loaded) this.report();
  }

  private report(): void {
    this.reported = this.loaded;
    this.onProgress?.({ loaded: this.loaded, total: this.total });
  }
}
