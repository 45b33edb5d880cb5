import { CIFAR10_RECORD_BYTES } from './classes.js';
import { Cifar10Error } from './errors.js';
import { RecordSink, lengthMessage } from './record-sink.js';
import { TarReader, type TarEntry } from './tar-reader.js';
import { compareNames, splitOfArchiveEntry, type Cifar10Batch, type Cifar10Split } from './batch.js';

/** How many entry names a "no batches" message lists before "and N more". */
const LISTED_ENTRIES = 5;

/**
 * Collects the batches of a CIFAR-10 tar archive (`data_batch_*.bin`, `test_batch.bin`, in any folder) from its
 * bytes as they stream in. Each batch's size is in its tar header, so its records are written straight into arrays
 * of the final size; other entries (readme, batches.meta.txt) are skipped without being kept.
 */
export class ArchiveBatches {
  private readonly source: string;
  private readonly tar: TarReader;
  private readonly found: { entry: TarEntry; split: Cifar10Split; sink: RecordSink }[] = [];

  constructor(source: string) {
    this.source = source;
    this.tar = new TarReader(source, (entry) => this.open(entry));
  }

  /** Takes the next bytes of the (decompressed) archive. */
  write(bytes: Uint8Array): void {
    this.tar.push(bytes);
  }

  /**
   * Checks the archive was complete and returns its batches, sorted by name (data_batch_1..5, then test_batch).
   *
   * @throws {Cifar10Error} `truncated`, or `no-batches` (listing the entries it did have).
   */
  finish(): Cifar10Batch[] {
    this.tar.finish();
    if (this.found.length === 0) {
      const names = this.tar.entries.map((e) => e.name);
      const listed = names.slice(0, LISTED_ENTRIES).map((n) => `"${n}"`).join(', ');
      const more = names.length > LISTED_ENTRIES ? ` and ${names.length - LISTED_ENTRIES} more` : '';
      throw new Cifar10Error(
        'no-batches',
        `${this.source} holds no CIFAR-10 batches (data_batch_*.bin or test_batch.bin); ` +
          (names.length === 0 ? 'the archive is empty.' : `its entries are ${listed}${more}.`),
        { source: this.source },
      );
    }
    return this.found
      .map(({ entry, split, sink }) => ({ name: entry.name, split, data: sink.finish() }))
      .sort((a, b) => (a.split === b.split ? compareNames(a.name, b.name) : a.split === 'train' ? -1 : 1));
  }

  private open(entry: TarEntry): ((bytes: Uint8Array) => void) | undefined {
    const split = splitOfArchiveEntry(entry.name);
    if (!split) return undefined;
    const where = `${this.source}: ${entry.name}`;
    if (entry.size === 0) throw new Cifar10Error('empty', `${where} is empty (0 bytes).`, { source: where });
    if (entry.size % CIFAR10_RECORD_BYTES !== 0) {
      // Known from the header, before any of its data arrives.
      throw new Cifar10Error('length', lengthMessage(where, entry.size), { source: where });
    }
    const sink = new RecordSink(where, entry.size / CIFAR10_RECORD_BYTES);
    this.found.push({ entry, split, sink });
    return (bytes) => sink.write(bytes);
  }
}
