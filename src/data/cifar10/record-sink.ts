import { CIFAR10_IMAGE_BYTES, CIFAR10_RECORD_BYTES } from './classes.js';
import { Cifar10Error } from './errors.js';
import { RecordBudget, type DeclaredSize } from './limits.js';

/** Decoded CIFAR-10 records: images in the records' planar layout, one label per image. */
export interface Cifar10Data {
  /**
   * `count * 3072` bytes: per image the R plane, then G, then B, each 32×32 row-major (CHW, as in the files).
   * `toFloatNHWC` turns it into what TensorFlow.js wants; `imageToRGBA` into a thumbnail.
   */
  images: Uint8Array<ArrayBuffer>;
  /** `count` labels, 0..9 (see `CIFAR10_CLASSES`). */
  labels: Uint8Array<ArrayBuffer>;
  /** Number of images. */
  count: number;
}

/** The message for a byte length that is not a whole number of records. */
export function lengthMessage(what: string, length: number): string {
  const whole = Math.floor(length / CIFAR10_RECORD_BYTES);
  const left = length - whole * CIFAR10_RECORD_BYTES;
  return (
    `${what} is ${length} bytes, not a multiple of ${CIFAR10_RECORD_BYTES} (the record size, 3,073 bytes: ` +
    `1 label byte + 3,072 pixel bytes): ${whole} whole record${whole === 1 ? '' : 's'} and ${left} leftover ` +
    `byte${left === 1 ? '' : 's'}. The data is truncated or is not CIFAR-10 binary.`
  );
}

/**
 * The most a declared size may reserve before its bytes arrive: one official batch file (10,000 records, 30.7 MB),
 * so the official files are written in place, without a copy, and a header that lies costs no more than that.
 */
const DECLARED_RESERVE = 10_000;
/** Where storage of unknown size starts (3 MB), doubling as records arrive. */
const UNKNOWN_RESERVE = 1024;

/** What a `RecordSink` may hold. */
export interface RecordSinkLimits {
  /** The size the source declares (a tar entry's size, a Content-Length): storage grows up to it, never past. */
  declared?: DeclaredSize;
  /** The declared count is a fact (the bytes are in memory or in a Blob), so it is reserved at once. */
  certain?: boolean;
  /** The load's budget, shared with its other sources; without one, `CIFAR10_MAX_RECORDS`. */
  budget?: RecordBudget;
}

/**
 * Splits a stream of record bytes, cut anywhere, into labels and images as the bytes arrive, so a download or an
 * archive entry is copied once, straight into its final arrays. A size that a header declares reserves at most one
 * official batch ahead of its bytes; past that, storage doubles as records arrive, up to the declared count (so it
 * ends exactly that size), and never past the load's budget. A size that is certain (bytes in hand) is reserved
 * at once.
 */
export class RecordSink {
  /** Where the bytes come from, for messages. */
  readonly source: string;
  private images: Uint8Array<ArrayBuffer>;
  private labels: Uint8Array<ArrayBuffer>;
  private readonly declared: number | undefined;
  private readonly budget: RecordBudget;
  /** Complete records so far; also the index of the record being filled. */
  private count = 0;
  /** Bytes of the current record received (0 = next byte is a label). */
  private offset = 0;

  /** @throws {Cifar10Error} 'too-large' when `limits.declared` is more than the load's budget has left. */
  constructor(source: string, limits: RecordSinkLimits = {}) {
    this.source = source;
    // A size that is not whole records still bounds the storage; the partial record is refused at the end.
    this.declared = limits.declared && Math.ceil(limits.declared.bytes / CIFAR10_RECORD_BYTES);
    this.budget = limits.budget ?? new RecordBudget();
    if (this.declared !== undefined && this.declared > this.budget.left) {
      this.budget.take(this.declared, source, limits.declared); // throws
    }
    const capacity =
      this.declared === undefined
        ? Math.min(UNKNOWN_RESERVE, this.budget.left)
        : limits.certain
          ? this.declared
          : Math.min(this.declared, DECLARED_RESERVE);
    this.budget.take(capacity, source);
    this.images = new Uint8Array(capacity * CIFAR10_IMAGE_BYTES);
    this.labels = new Uint8Array(capacity);
  }

  /** Bytes received so far. */
  get byteLength(): number {
    return this.count * CIFAR10_RECORD_BYTES + this.offset;
  }

  /** Takes the next bytes; throws a `Cifar10Error` on a label above 9. `bytes` is not kept. */
  write(bytes: Uint8Array): void {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      if (this.offset === 0) {
        const label = bytes[i];
        if (label > 9) {
          const at = this.count * CIFAR10_RECORD_BYTES;
          throw new Cifar10Error(
            'label',
            `${this.source}: record ${this.count} (byte ${at}) has label ${label}; CIFAR-10 labels are 0..9. ` +
              'The data is not CIFAR-10 binary, or is out of step (a missing or extra byte earlier).',
            { source: this.source },
          );
        }
        if (this.count === this.labels.length) this.grow();
        this.labels[this.count] = label;
        this.offset = 1;
        i++;
        continue;
      }
      const take = Math.min(CIFAR10_RECORD_BYTES - this.offset, n - i);
      // subarray is a view, so each pixel byte is copied once, here.
      this.images.set(bytes.subarray(i, i + take), this.count * CIFAR10_IMAGE_BYTES + this.offset - 1);
      i += take;
      this.offset += take;
      if (this.offset === CIFAR10_RECORD_BYTES) {
        this.count++;
        this.offset = 0;
      }
    }
  }

  /** Checks that only whole records arrived and returns them; throws `Cifar10Error` ('empty' or 'length'). */
  finish(): Cifar10Data {
    const length = this.byteLength;
    if (length === 0) {
      throw new Cifar10Error(
        'empty',
        `${this.source} is empty (0 bytes); CIFAR-10 binary data is records of 3073 bytes.`,
        { source: this.source },
      );
    }
    if (this.offset !== 0) {
      throw new Cifar10Error('length', lengthMessage(this.source, length), { source: this.source });
    }
    if (this.declared !== undefined && this.count !== this.declared) {
      throw new Cifar10Error(
        'truncated',
        `${this.source} ended after ${this.count} of ${this.declared} records (${length} of ` +
          `${this.declared * CIFAR10_RECORD_BYTES} bytes).`,
        { source: this.source },
      );
    }
    let { images, labels } = this;
    if (labels.length !== this.count) {
      // Grown storage is trimmed so `images.buffer` holds exactly these images.
      this.budget.give(labels.length - this.count);
      images = images.slice(0, this.count * CIFAR10_IMAGE_BYTES);
      labels = labels.slice(0, this.count);
    }
    return { images, labels, count: this.count };
  }

  private grow(): void {
    const have = this.labels.length;
    if (this.declared !== undefined && have >= this.declared) {
      throw new Cifar10Error(
        'overrun',
        `${this.source}: more than the ${this.declared} records (${this.declared * CIFAR10_RECORD_BYTES} bytes) ` +
          'it declared arrived.',
        { source: this.source },
      );
    }
    const next = Math.min(have * 2 || 1, this.declared ?? Infinity, have + this.budget.left);
    if (next === have) this.budget.take(have + 1, this.source); // throws: the budget is spent
    this.budget.take(next - have, this.source);
    const images = new Uint8Array(next * CIFAR10_IMAGE_BYTES);
    images.set(this.images);
    const labels = new Uint8Array(next);
    labels.set(this.labels);
    this.images = images;
    this.labels = labels;
  }
}
