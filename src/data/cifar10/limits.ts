import { CIFAR10_RECORD_BYTES } from './classes.js';
import { Cifar10Error } from './errors.js';

/** The most records one `loadCifar10` call holds: all of CIFAR-10 (50,000 training and 10,000 test images). */
export const CIFAR10_MAX_RECORDS = 60_000;

/** `CIFAR10_MAX_RECORDS` in bytes: 6 batch files of 30,730,000 bytes. */
export const CIFAR10_MAX_BYTES = CIFAR10_MAX_RECORDS * CIFAR10_RECORD_BYTES; // 184,380,000

/** Tar bytes one archive may hold: every batch, plus room for headers and the small files beside them. */
export const CIFAR10_MAX_ARCHIVE_BYTES = CIFAR10_MAX_BYTES + (16 << 20);

/** A size that a header or a Blob gave, before its bytes arrived: for the message that refuses it. */
export interface DeclaredSize {
  /** "its Content-Length declares", "its tar header declares", "is". */
  by: string;
  bytes: number;
}

/**
 * The records one load may still hold, shared by its sources and archive entries, so a header that declares more
 * than CIFAR-10 can be is refused before anything is allocated, and a body that keeps coming stops at the limit.
 */
export class RecordBudget {
  private used = 0;

  constructor(readonly limit = CIFAR10_MAX_RECORDS) {}

  /** Records still free. */
  get left(): number {
    return this.limit - this.used;
  }

  /**
   * Takes `records` for `where`, or throws `Cifar10Error` ('too-large'). `declared` says where the count came
   * from when no bytes back it yet: `by` ("its Content-Length declares", "is") and the size it gave.
   */
  take(records: number, where: string, declared?: DeclaredSize): void {
    if (records > this.left) {
      const what = declared
        ? `${declared.by} ${declared.bytes} bytes (${records} records)`
        : `brings the load past ${this.limit} records`;
      const before = this.used > 0 && declared ? ` (${this.used} are loaded from other files)` : '';
      const all = this.limit === CIFAR10_MAX_RECORDS ? ', all of CIFAR-10' : '';
      throw new Cifar10Error(
        'too-large',
        `${where}: ${what}; one load holds at most ${this.limit} records ` +
          `(${this.limit * CIFAR10_RECORD_BYTES} bytes${all})${before}. It is not CIFAR-10 binary data, or its ` +
          'size is wrong.',
        { source: where },
      );
    }
    this.used += records;
  }

  /** Gives back records taken but not filled (storage trimmed to what arrived). */
  give(records: number): void {
    this.used -= records;
  }
}
