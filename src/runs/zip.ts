/**
 * A small zip writer: what a TensorBoard log directory needs to travel as one download. Entries are deflated with
 * the platform's CompressionStream where there is one (stored as they are otherwise); names are UTF-8. No zip64, so
 * under 4 GiB in all — far beyond a course's runs.
 */
import { concatBytes } from './bytes.js';
import { crc32 } from './crc.js';

/** One file to put in a zip: its path inside (with `/`) and its bytes. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** Options of {@link zipFiles}. */
export interface ZipOptions {
  /** Deflate entries (default: when the platform has CompressionStream). */
  deflate?: boolean;
  /** The time stamped on every entry (default now). */
  date?: Date;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** MS-DOS time and date, as zip headers hold them (local time, two-second steps). */
function dosTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

/** The bytes of a zip file holding `entries`, in order. */
export async function zipFiles(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Uint8Array> {
  const deflate = options.deflate ?? typeof CompressionStream === 'function';
  const [time, date] = dosTime(options.date ?? new Date());
  const utf8 = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8.encode(entry.path);
    const crc = crc32(entry.data);
    const packed = deflate ? await deflateRaw(entry.data) : entry.data;
    // A deflated entry that came out larger than the data is stored instead.
    const method = deflate && packed.length < entry.data.length ? 8 : 0;
    const body = method === 8 ? packed : entry.data;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dir.set(local.subarray(6, 30), 8);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    parts.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...parts, ...central, end]);
}
