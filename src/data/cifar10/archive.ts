import { CIFAR10_RECORD_BYTES } from './classes.js';
import { Cifar10Error } from './errors.js';
import { CIFAR10_MAX_ARCHIVE_BYTES, CIFAR10_MAX_BYTES, RecordBudget } from './limits.js';
import { RecordSink, lengthMessage } from './record-sink.js';
import { TarReader, type TarEntry } from './tar-reader.js';
import { compareNames, entryBaseName, splitOfArchiveEntry, type Cifar10Batch, type Cifar10Split } from './batch.js';

/** How many entry names a "no batches" message lists before "and N more". */
const LISTED_ENTRIES = 5;
/** How many ignored entries a result names (a hostile archive can hold millions). */
const KEPT_IGNORED = 100;
/** The official archive's files besides its batches: read past without a word. */
const EXPECTED_EXTRAS = new Set(['batches.meta.txt', 'readme.html']);

/**
 * Collects the batches of a CIFAR-10 tar archive (`data_batch_*.bin`, `test_batch.bin`, in any folder) from its
 * bytes as they stream in. Each batch's records go straight into arrays that grow as they arrive, up to the size in
 * its tar header, which is checked against the load's budget before any of its data comes. Other entries (readme,
 * batches.meta.txt) are skipped without being kept; any beyond those are named in `ignored`. An entry named like a
 * batch but with a path that climbs out of the archive (`../`, `/`, `C:`, `\`) or that is not a plain file (a link,
 * a folder) is refused, as is a batch name that comes twice.
 */
export class ArchiveBatches {
  private readonly source: string;
  private readonly tar: TarReader;
  private readonly budget: RecordBudget;
  private readonly found: { entry: TarEntry; split: Cifar10Split; sink: RecordSink }[] = [];
  private bytes = 0;
  /** Entries outside the expected set, skipped (the first `KEPT_IGNORED` names). */
  readonly ignored: string[] = [];

  constructor(source: string, budget = new RecordBudget()) {
    this.source = source;
    this.budget = budget;
    this.tar = new TarReader(source, (entry) => this.open(entry));
  }

  /** Takes the next bytes of the (decompressed) archive. */
  write(bytes: Uint8Array): void {
    this.bytes += bytes.length;
    if (this.bytes > CIFAR10_MAX_ARCHIVE_BYTES) {
      throw new Cifar10Error(
        'too-large',
        `${this.source}: the archive goes on past ${CIFAR10_MAX_ARCHIVE_BYTES} bytes, more than the CIFAR-10 ` +
          `archive holds (${CIFAR10_MAX_BYTES} bytes of batches, and a few small files). It is not CIFAR-10.`,
        { source: this.source },
      );
    }
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
      const count = this.tar.entryCount;
      const listed = names.slice(0, LISTED_ENTRIES).map((n) => `"${n}"`).join(', ');
      const more = count > LISTED_ENTRIES ? ` and ${count - LISTED_ENTRIES} more` : '';
      throw new Cifar10Error(
        'no-batches',
        `${this.source} holds no CIFAR-10 batches (data_batch_*.bin or test_batch.bin); ` +
          (count === 0 ? 'the archive is empty.' : `its entries are ${listed}${more}.`),
        { source: this.source },
      );
    }
    return this.found
      .map(({ entry, split, sink }) => ({ name: entry.name, split, data: sink.finish() }))
      .sort((a, b) => (a.split === b.split ? compareNames(a.name, b.name) : a.split === 'train' ? -1 : 1));
  }

  private open(entry: TarEntry): ((bytes: Uint8Array) => void) | undefined {
    const split = splitOfArchiveEntry(entry.name);
    if (!split) {
      this.ignore(entry);
      return undefined;
    }
    const where = `${this.source}: ${entry.name}`;
    const unsafe = unsafeEntry(entry);
    if (unsafe) {
      throw new Cifar10Error(
        'bad-entry',
        `${this.source}: the entry "${entry.name}" is named like a CIFAR-10 batch but ${unsafe}; batches are ` +
          'plain files at a path inside the archive. This is not the official CIFAR-10 archive.',
        { source: where },
      );
    }
    const base = entryBaseName(entry.name);
    const twin = this.found.find((f) => entryBaseName(f.entry.name) === base);
    if (twin) {
      throw new Cifar10Error(
        'bad-entry',
        `${this.source} holds ${base} twice ("${twin.entry.name}" and "${entry.name}"); ` +
          'reading both would count its images twice.',
        { source: where },
      );
    }
    if (entry.size === 0) throw new Cifar10Error('empty', `${where} is empty (0 bytes).`, { source: where });
    if (entry.size % CIFAR10_RECORD_BYTES !== 0) {
      // Known from the header, before any of its data arrives.
      throw new Cifar10Error('length', lengthMessage(where, entry.size), { source: where });
    }
    const declared = { by: 'its tar header declares', bytes: entry.size };
    const sink = new RecordSink(where, { declared, budget: this.budget });
    this.found.push({ entry, split, sink });
    return (bytes) => sink.write(bytes);
  }

  private ignore(entry: TarEntry): void {
    const expected = entry.type === '5' || EXPECTED_EXTRAS.has(entryBaseName(entry.name));
    if (expected && !unsafePath(entry.name)) return;
    if (this.ignored.length < KEPT_IGNORED) this.ignored.push(entry.name);
  }
}

const TYPE_NAMES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '5': 'a folder',
  '6': 'a FIFO',
};

/** Why an entry cannot be a batch file, or undefined for a plain file at a relative path inside the archive. */
function unsafeEntry({ name, type }: TarEntry): string | undefined {
  if (type !== '0' && type !== '7') return `is ${TYPE_NAMES[type] ?? `a tar entry of type "${type}"`}, not a file`;
  return unsafePath(name);
}

/** Why a path is not a plain relative path inside the archive, or undefined when it is one. */
function unsafePath(name: string): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has a control character in its path';
  if (name.includes('\\')) return 'has a backslash in its path';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').includes('..')) return 'has ".." in its path, which climbs out of the archive';
  return undefined;
}
