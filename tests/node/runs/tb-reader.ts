// An event-file reader written apart from the library's writer: its own protobuf decoding, and CRC-32C computed
// bit by bit (the writer uses a table). Tests read exported files with it to check framing, CRCs and every value.

/** CRC-32C, one bit at a time. */
export function crc32cBitwise(bytes: Uint8Array): number {
  let crc = ~0 >>> 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return ~crc >>> 0;
}

export function masked(crc: number): number {
  const rotated = ((crc >>> 15) | (crc << 17)) >>> 0;
  return (rotated + 0xa282ead8) % 2 ** 32;
}

export interface Field {
  no: number;
  wire: number;
  /** varint value, or the raw 8 / 4 / n bytes. */
  int?: bigint;
  raw?: Uint8Array;
}

/** All fields of one message, in order. */
export function fields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let i = 0;
  const varint = (): bigint => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      if (i >= buf.length) throw new Error('varint runs past the end');
      const b = buf[i++];
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const key = Number(varint());
    const no = key >> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ no, wire, int: varint() });
    else if (wire === 1) (out.push({ no, wire, raw: buf.slice(i, i + 8) }), (i += 8));
    else if (wire === 5) (out.push({ no, wire, raw: buf.slice(i, i + 4) }), (i += 4));
    else if (wire === 2) {
      const n = Number(varint());
      out.push({ no, wire, raw: buf.slice(i, i + n) });
      i += n;
    } else throw new Error(`wire type ${wire} not expected`);
    if (i > buf.length) throw new Error('field runs past the end');
  }
  return out;
}

const f64 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
const f32 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true);
const doubles = (b: Uint8Array) => Array.from({ length: b.length / 8 }, (_, k) => f64(b.subarray(k * 8, k * 8 + 8)));

export interface Histo {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  bucketLimit: number[];
  bucket: number[];
}

export interface DecodedEvent {
  wallTime: number;
  step: number;
  fileVersion?: string;
  values: Array<{ tag: string; simple?: number; histo?: Histo }>;
}

/** Splits a TFRecord file into records, checking both masked CRCs of each; throws on the first bad one. */
export function records(file: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let at = 0;
  while (at < file.length) {
    if (at + 12 > file.length) throw new Error(`record header cut short at ${at}`);
    const len = Number(dv.getBigUint64(at, true));
    if (dv.getUint32(at + 8, true) !== masked(crc32cBitwise(file.subarray(at, at + 8)))) throw new Error(`bad length CRC at ${at}`);
    const data = file.subarray(at + 12, at + 12 + len);
    if (data.length !== len || at + 16 + len > file.length) throw new Error(`record cut short at ${at}`);
    if (dv.getUint32(at + 12 + len, true) !== masked(crc32cBitwise(data))) throw new Error(`bad data CRC at ${at}`);
    out.push(data);
    at += 16 + len;
  }
  return out;
}

/** Every Event of an event file. */
export function readEvents(file: Uint8Array): DecodedEvent[] {
  return records(file).map((data) => {
    const e: DecodedEvent = { wallTime: NaN, step: 0, values: [] };
    for (const f of fields(data)) {
      if (f.no === 1) e.wallTime = f64(f.raw!);
      else if (f.no === 2) e.step = Number(f.int);
      else if (f.no === 3) e.fileVersion = new TextDecoder().decode(f.raw);
      else if (f.no === 5)
        for (const v of fields(f.raw!).filter((x) => x.no === 1)) {
          const value: DecodedEvent['values'][number] = { tag: '' };
          for (const g of fields(v.raw!)) {
            if (g.no === 1) value.tag = new TextDecoder().decode(g.raw);
            else if (g.no === 2) value.simple = f32(g.raw!);
            else if (g.no === 5) {
              const h: Histo = { min: NaN, max: NaN, num: NaN, sum: NaN, sumSquares: NaN, bucketLimit: [], bucket: [] };
              for (const x of fields(g.raw!)) {
                if (x.no === 1) h.min = f64(x.raw!);
                else if (x.no === 2) h.max = f64(x.raw!);
                else if (x.no === 3) h.num = f64(x.raw!);
                else if (x.no === 4) h.sum = f64(x.raw!);
                else if (x.no === 5) h.sumSquares = f64(x.raw!);
                else if (x.no === 6) h.bucketLimit = doubles(x.raw!);
                else if (x.no === 7) h.bucket = doubles(x.raw!);
              }
              value.histo = h;
            }
          }
          e.values.push(value);
        }
    }
    return e;
  });
}
