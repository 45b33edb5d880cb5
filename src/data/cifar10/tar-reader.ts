import { Cifar10Error } from './errors.js';

/** One entry of a tar archive, as its header (and any pax or GNU long-name header before it) describes it. */
export interface TarEntry {
  /** Full path: ustar prefix + name, or the pax `path` / GNU long name when there is one. */
  name: string;
  /** Data bytes. */
  size: number;
  /** The typeflag: '0' a file, '5' a directory, and so on. */
  type: string;
}

/** Receives an entry's data, in order, in pieces cut anywhere. The pieces are views: copy what you keep. */
export type TarEntryWriter = (bytes: Uint8Array) => void;

const BLOCK = 512;
/** pax and GNU long-name payloads are a few bytes; one bigger than this is skipped, not buffered. */
const MAX_META_BYTES = 64 << 10;
/** Entries `entries` keeps (a hostile archive can hold millions); `entryCount` counts them all. */
const KEPT_ENTRIES = 1000;
const utf8 = new TextDecoder();

/**
 * Reads a tar archive incrementally (ustar, GNU and pax; 512-byte headers), from chunks cut anywhere, so an
 * archive streamed out of a DecompressionStream is never held whole. `onEntry` sees every file, folder and link:
 * for a regular file it returns a writer to receive the data, or undefined to skip it; it may throw to refuse the
 * archive. Written by hand because the archive only needs reading, in a browser, from a stream: the npm tar
 * readers are Node-stream based.
 */
export class TarReader {
  /** The files, folders and links seen, in archive order, up to 1,000 (pax/GNU meta headers not included). */
  readonly entries: TarEntry[] = [];
  /** How many entries were seen, kept in `entries` or not. */
  entryCount = 0;
  private readonly source: string;
  private readonly onEntry: (entry: TarEntry) => TarEntryWriter | undefined;
  private readonly header = new Uint8Array(BLOCK);
  private headerFill = 0;
  /** Data bytes left in the current entry, then padding bytes up to the next block. */
  private remaining = 0;
  private padding = 0;
  /** Size of the current entry, for its padding. */
  private entrySize = 0;
  private current: TarEntry | undefined;
  private writer: TarEntryWriter | undefined;
  /** A pax or GNU long-name payload being collected, applied to the next header. */
  private meta: { type: string; bytes: Uint8Array; fill: number } | undefined;
  private pending: { path?: string; size?: number } = {};
  private zeroBlocks = 0;
  private headers = 0;
  private ended = false;
  /** Archive bytes consumed, for messages. */
  private position = 0;

  constructor(source: string, onEntry: (entry: TarEntry) => TarEntryWriter | undefined) {
    this.source = source;
    this.onEntry = onEntry;
  }

  /** Takes the next archive bytes. Throws `Cifar10Error` ('not-tar') on a header that fails its checksum. */
  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n && !this.ended) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, n - i);
        this.deliver(chunk.subarray(i, i + take));
        i += take;
        this.remaining -= take;
        if (this.remaining === 0) this.endEntry();
      } else if (this.padding > 0) {
        const take = Math.min(this.padding, n - i);
        i += take;
        this.padding -= take;
      } else if (this.headerFill === 0 && n - i >= BLOCK) {
        // A whole header inside the chunk: read it in place, no copy.
        this.readHeader(chunk.subarray(i, i + BLOCK), this.position + i);
        i += BLOCK;
      } else {
        const take = Math.min(BLOCK - this.headerFill, n - i);
        this.header.set(chunk.subarray(i, i + take), this.headerFill);
        this.headerFill += take;
        i += take;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.readHeader(this.header, this.position + i - BLOCK);
        }
      }
    }
    // Bytes after the end marker are the archive's zero padding (tar writes 10 KiB records): ignored.
    this.position += n;
  }

  /**
   * Call when the input has ended. Throws `Cifar10Error` ('truncated') when it ended inside a header or an entry's
   * data. A missing end-of-archive marker is accepted: every entry before it is complete.
   */
  finish(): void {
    if (this.remaining > 0) {
      const got = this.entrySize - this.remaining;
      const what = this.current ? `entry "${this.current.name}"` : 'an extended header';
      throw new Cifar10Error(
        'truncated',
        `${this.source}: the archive ends inside ${what} (${got} of ${this.entrySize} bytes); ` +
          'the download is incomplete or the file is cut short.',
        { source: this.source },
      );
    }
    if (this.headerFill > 0) {
      throw new Cifar10Error(
        'truncated',
        `${this.source}: the archive ends inside a tar header (after ${this.position} bytes); the file is cut short.`,
        { source: this.source },
      );
    }
  }

  private deliver(bytes: Uint8Array): void {
    if (this.meta) {
      this.meta.bytes.set(bytes, this.meta.fill);
      this.meta.fill += bytes.length;
    } else if (this.writer) {
      this.writer(bytes);
    }
  }

  private endEntry(): void {
    if (this.meta) {
      const { type, bytes } = this.meta;
      if (type === 'x') this.pending = { ...this.pending, ...parsePax(bytes) };
      const longName = type === 'L' ? cString(bytes, 0, bytes.length) : '';
      if (longName) this.pending.path = longName;
      this.meta = undefined;
    }
    this.writer = undefined;
    this.current = undefined;
    this.padding = (BLOCK - (this.entrySize % BLOCK)) % BLOCK;
  }

  /** `at`: the block's offset in the archive, for messages. */
  private readHeader(block: Uint8Array, at: number): void {
    if (isZero(block)) {
      // Two zero blocks end the archive; a lone one is tolerated, as GNU tar does with --ignore-zeros.
      if (++this.zeroBlocks >= 2) this.ended = true;
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumOk(block)) {
      throw new Cifar10Error(
        'not-tar',
        this.headers === 0
          ? `${this.source}: the decompressed data is not a tar archive ` +
            '(its first 512 bytes are not a valid tar header).'
          : `${this.source}: corrupt tar header after ${this.entryCount} entries ` +
            `(checksum mismatch at byte ${at}).`,
        { source: this.source },
      );
    }
    this.headers++;
    const type = String.fromCharCode(block[156] || 0x30); // NUL is an old-style regular file
    const headerSize = readNumber(block, 124, 12);
    if ((type === 'x' || type === 'L') && headerSize <= MAX_META_BYTES) {
      // pax per-file record or GNU long name: collected and applied to the next header.
      this.startEntry(headerSize);
      this.meta = { type, bytes: new Uint8Array(headerSize), fill: 0 };
    } else if (type === 'x' || type === 'L' || type === 'g' || type === 'K') {
      // Global pax records, GNU long link targets and oversized meta payloads: skipped, never buffered.
      this.startEntry(headerSize);
    } else {
      const magic = cString(block, 257, 6);
      // Only POSIX ustar has a prefix field; GNU's old format stores other things at byte 345.
      const prefix = magic === 'ustar' ? cString(block, 345, 155) : '';
      const name = cString(block, 0, 100);
      const entry: TarEntry = {
        name: this.pending.path ?? (prefix ? `${prefix}/${name}` : name),
        size: this.pending.size ?? headerSize,
        type,
      };
      this.pending = {};
      if (this.entryCount++ < KEPT_ENTRIES) this.entries.push(entry);
      this.current = entry;
      this.startEntry(entry.size);
      const writer = this.onEntry(entry);
      if (type === '0' || type === '7') this.writer = writer;
    }
    if (this.remaining === 0) this.endEntry();
  }

  private startEntry(size: number): void {
    this.entrySize = size;
    this.remaining = size;
  }
}

function isZero(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/** The header checksum: the byte sum with the checksum field read as spaces (some old tars summed signed bytes). */
function checksumOk(block: Uint8Array): boolean {
  const stored = readNumber(block, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

/** An octal field (NUL/space terminated), or GNU base-256 when the top bit of its first byte is set. */
function readNumber(block: Uint8Array, offset: number, length: number): number {
  if (block[offset] & 0x80) {
    let value = block[offset] & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + block[offset + i];
    return value;
  }
  let value = 0;
  let i = offset;
  const end = offset + length;
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++;
  for (; i < end; i++) {
    const c = block[i];
    if (c < 0x30 || c > 0x37) break;
    value = value * 8 + (c - 0x30);
  }
  return value;
}

/** A NUL-terminated UTF-8 string field. */
function cString(bytes: Uint8Array, offset: number, length: number): string {
  let end = offset;
  const limit = Math.min(offset + length, bytes.length);
  while (end < limit && bytes[end] !== 0) end++;
  return utf8.decode(bytes.subarray(offset, end));
}

/** pax extended header records, "<length> <key>=<value>\n"; only `path` and `size` matter here. */
function parsePax(bytes: Uint8Array): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {};
  let i = 0;
  while (i < bytes.length) {
    let len = 0;
    let j = i;
    while (j < bytes.length && bytes[j] >= 0x30 && bytes[j] <= 0x39) len = len * 10 + (bytes[j++] - 0x30);
    if (len === 0 || bytes[j] !== 0x20 || i + len > bytes.length) break; // malformed: keep what was read
    const record = utf8.decode(bytes.subarray(j + 1, i + len - 1)); // without the trailing newline
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'size' && /^\d+$/.test(value)) out.size = Number(value);
    i += len;
  }
  return out;
}
