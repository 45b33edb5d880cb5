import { CIFAR10_IMAGE_BYTES, CIFAR10_RECORD_BYTES } from './classes.js';
import { Cifar10Error } from './errors.js';

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
 * Splits a stream of record bytes, cut anywhere, into labels and images as the bytes arrive, so a download or an
 * archive entry is copied once, straight into its final arrays. With a known record count the arrays are allocated
 * once; without one they grow by doubling (a body of unknown length).
 */
export class RecordSink {
  /** Where the bytes come from, for messages. */
  readonly source: string;
  private images: Uint8Array<ArrayBuffer>;
  private labels: Uint8Array<ArrayBuffer>;
  private readonly fixed: boolean;
  /** Complete records so far; also the index of the record being filled. */
  private count = 0;
  /** Bytes of the current record received (0 = next byte is a label). */
  private offset = 0;

  /** `expectedRecords`: exact count when known (an archive entry, a Content-Length); undefined to grow. */
  constructor(source: string, expectedRecords?: number) {
    this.source = source;
    this.fixed = expectedRecords !== undefined;
    const capacity = expectedRecords ?? 1024;
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
    if (this.fixed && this.count !== this.labels.length) {
      throw new Cifar10Error(
        'truncated',
        `${this.source} ended after ${this.count} of ${this.labels.length} records (${length} of ` +
          `${this.labels.length * CIFAR10_RECORD_BYTES} bytes).`,
        { source: this.source },
      );
    }
    if (this.offset !== 0) {
      throw new Cifar10Error('length', lengthMessage(this.source, length), { source: this.source });
    }
    let { images, labels } = this;
    if (labels.length !== this.count) {
      // Grown storage is trimmed so `images.buffer` holds exactly these images.
      images = images.slice(0, this.count * CIFAR10_IMAGE_BYTES);
      labels = labels.slice(0, this.count);
    }
    return { images, labels, count: this.count };
  }

  private grow(): void {
    if (this.fixed) {
      throw new Cifar10Error(
        'length',
        `${this.source}: more than the expected ${this.labels.length} records ` +
          `(${this.labels.length * CIFAR10_RECORD_BYTES} bytes) arrived.`,
        { source: this.source },
      );
    }
    const images = new Uint8Array(this.images.length * 2);
    images.set(this.images);
    const labels = new Uint8Array(this.labels.length * 2);
    labels.set(this.labels);
    this.images = images;
    this.labels = labels;
  }
}
