// A tiny tar writer for tests (no Node imports, so browser tests and the benchmark use it too). It writes what the
// reader must handle: ustar with the prefix field, pax 'x' and GNU 'L' long names, directories, and the end marker.

/** One entry to write. */
export interface TarInput {
  name: string;
  data?: Uint8Array;
  /** '0' file (default), '5' directory. */
  type?: '0' | '5';
  /** How a name longer than 100 bytes is stored: ustar prefix (default), a pax header, or a GNU long-name entry. */
  longName?: 'prefix' | 'pax' | 'gnu';
  /** The size the header declares, when it is to lie about `data` (the archive then holds only `data`). */
  size?: number;
  /** A typeflag other than file and folder: '1' hard link, '2' symbolic link. */
  typeflag?: string;
}

const BLOCK = 512;
const encoder = new TextEncoder();

/** A tar archive of `files`; `endMarker: false` leaves off the two zero blocks and the padding. */
export function makeTar(files: TarInput[], options: { endMarker?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const file of files) {
    const data = file.data ?? new Uint8Array(0);
    const type = file.typeflag ?? file.type ?? '0';
    const nameBytes = encoder.encode(file.name);
    let name = file.name;
    let prefix = '';
    let gnu = false;
    if (nameBytes.length > 100) {
      const how = file.longName ?? 'prefix';
      if (how === 'prefix') {
        const cut = file.name.lastIndexOf('/', file.name.length - 2);
        prefix = file.name.slice(0, cut);
        name = file.name.slice(cut + 1);
      } else if (how === 'pax') {
        const record = paxRecord('path', file.name);
        parts.push(header('PaxHeaders/' + file.name.slice(-80), record.length, 'x', '', false), padded(record));
        name = file.name.slice(0, 100);
      } else {
        const payload = encoder.encode(file.name + '\0');
        parts.push(header('././@LongLink', payload.length, 'L', '', true), padded(payload));
        name = file.name.slice(0, 100);
        gnu = true;
      }
    }
    parts.push(header(name, file.size ?? data.length, type, prefix, gnu), padded(data));
  }
  if (options.endMarker !== false) {
    parts.push(new Uint8Array(2 * BLOCK));
    const size = parts.reduce((n, p) => n + p.length, 0);
    const record = 20 * BLOCK; // tar pads archives to 10 KiB records
    if (size % record) parts.push(new Uint8Array(record - (size % record)));
  }
  return join(parts);
}

function paxRecord(key: string, value: string): Uint8Array {
  // The length counts itself: find the one that adds up.
  const body = encoder.encode(` ${key}=${value}\n`).length;
  let length = body + 1;
  while (String(length).length + body !== length) length++;
  return encoder.encode(`${length} ${key}=${value}\n`);
}

function header(name: string, size: number, type: string, prefix: string, gnu: boolean): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (text: string, offset: number, length: number) => {
    block.set(encoder.encode(text).subarray(0, length), offset);
  };
  // Octal fields: digits padded to length - 1, then the NUL the caller adds.
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');
  put(name, 0, 100);
  put(octal(0o644, 8) + '\0', 100, 8);
  put(octal(0, 8) + '\0', 108, 8);
  put(octal(0, 8) + '\0', 116, 8);
  if (size < 8 ** 11) put(octal(size, 12) + '\0', 124, 12);
  else {
    // GNU base-256 for sizes past 11 octal digits (8 GiB): the top bit set, then the number big-endian.
    let rest = size;
    for (let i = 135; i > 124; i--, rest = Math.floor(rest / 256)) block[i] = rest % 256;
    block[124] = 0x80;
  }
  put(octal(1_700_000_000, 12) + '\0', 136, 12);
  put(type, 156, 1);
  if (gnu) put('ustar  \0', 257, 8);
  else {
    put('ustar\0', 257, 6);
    put('00', 263, 2);
    put(prefix, 345, 155);
  }
  put('        ', 148, 8);
  let sum = 0;
  for (const b of block) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return block;
}

function padded(data: Uint8Array): Uint8Array {
  const size = Math.ceil(data.length / BLOCK) * BLOCK;
  if (size === data.length) return data;
  const out = new Uint8Array(size);
  out.set(data);
  return out;
}

/** Concatenates byte arrays. */
export function join(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The test archive: the 100-image file as data_batch_1.bin, its first `testRecords` records as test_batch.bin. */
export function cifarTestTar(tiny: Uint8Array, testRecords = 20): Uint8Array<ArrayBuffer> {
  return makeTar([
    { name: 'cifar-10-batches-bin/', type: '5' },
    { name: 'cifar-10-batches-bin/data_batch_1.bin', data: tiny },
    { name: 'cifar-10-batches-bin/batches.meta.txt', data: encoder.encode('airplane\nautomobile\n') },
    { name: 'cifar-10-batches-bin/test_batch.bin', data: tiny.subarray(0, testRecords * 3073) },
    { name: 'cifar-10-batches-bin/readme.html', data: encoder.encode('<html>readme</html>\n') },
  ]);
}
