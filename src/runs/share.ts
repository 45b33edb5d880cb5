/**
 * Runs in a link, with no server: the runs' setup and scalars (their histograms when they fit), packed, deflated
 * (CompressionStream) and written base64url in the URL's fragment as `#runs=…`, which browsers never send to a
 * server. Scalars travel quantised to 16 bits of their own range (invisible in a chart), thinned to every 2nd,
 * 4th, … epoch when the link would be too long. Opening one reads it with every field checked.
 */
import { concatBytes } from './bytes.js';
import { parseRunsJson, runsToJson, RunFormatError, RUNS_LIMITS } from './json.js';
import type { RunRecord } from './types.js';

/** The fragment's key: `#runs=<base64url>`. */
export const SHARE_KEY = 'runs';

/**
 * The longest link made, in characters: RFC 9110 asks every client to handle at least 8,000, and browsers,
 * chat apps and e-mail keep links that long intact. Past it, the dashboard offers the JSON file instead.
 */
export const SHARE_LINK_LIMIT = 8000;

/** A link's runs, unpacked, may take at most this many bytes (a small link cannot unpack into a huge one). */
export const SHARE_MAX_BYTES = 4 * 1024 * 1024;

/** When a link thins its runs, each keeps at most one of these many points, the largest that fits (never below 50). */
const POINTS = [512, 256, 128, 64];
const MAGIC = [0x4e, 0x4e, 0x52, 0x01]; // "NNR" and the format's version
const LEVELS = 65532;

/** What {@link shareLink} made. */
export interface ShareLink {
  /** The link: `base` with `#runs=…` (the base's own fragment replaced). */
  url: string;
  /** Its length in characters. */
  length: number;
  /** Whether it is within the limit; when not, offer the JSON file. */
  fits: boolean;
  /** The most points a run keeps (`Infinity`: every epoch); a longer run keeps every k-th epoch and its last. */
  points: number;
  /** Whether the weight histograms are in it. */
  histograms: boolean;
}

// ---- base64url -------------------------------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The inverse of {@link toBase64Url}. @throws RunFormatError on a character outside base64url. */
export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new RunFormatError('the link’s data is cut short');
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? INDEX[c] : -1;
    if (v < 0) throw new RunFormatError(`the link’s data holds a character that cannot be in it (${JSON.stringify(text[i])} at ${i})`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

// ---- compression -----------------------------------------------------------------------------------------------

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `max` bytes; more, or a damaged stream, is refused. */
async function inflate(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) throw new RunFormatError(`the link unpacks to more than ${max} bytes`);
      chunks.push(value);
    }
  } catch (e) {
    void reader.cancel().catch(() => {});
    if (e instanceof RunFormatError) throw e;
    throw new RunFormatError('the link’s data is damaged or cut short (it does not unpack)');
  }
  return concatBytes(chunks);
}

// ---- values: 16-bit levels of each series' own range, as zigzag varint deltas ------------------------------------

class Bytes {
  buf = new Uint8Array(1024);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
  varint(v: number): void {
    while (v >= 0x80) {
      this.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.push(v);
  }
}

function range(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** 0 NaN, 1 +∞, 2 −∞, then 3 + the level of the value in [lo, hi]. */
function writeSeries(out: Bytes, values: readonly number[], lo: number, hi: number): void {
  let prev = 0;
  for (const v of values) {
    const code = Number.isNaN(v) ? 0 : v === Infinity ? 1 : v === -Infinity ? 2 : 3 + (hi > lo ? Math.round(((v - lo) / (hi - lo)) * LEVELS) : 0);
    const d = code - prev;
    out.varint(d >= 0 ? d * 2 : -d * 2 - 1);
    prev = code;
  }
}

class Reader {
  at = 0;
  constructor(readonly buf: Uint8Array) {}
  varint(): number {
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.at >= this.buf.length) throw new RunFormatError('the link’s values are cut short');
      const b = this.buf[this.at++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
    throw new RunFormatError('the link holds a malformed number');
  }
}

function readSeries(r: Reader, n: number, lo: number, hi: number): number[] {
  const out = new Array<number>(n);
  let code = 0;
  for (let i = 0; i < n; i++) {
    const z = r.varint();
    code += z % 2 ? -(z + 1) / 2 : z / 2;
    if (code < 0 || code > LEVELS + 3) throw new RunFormatError('the link holds a value out of its range');
    out[i] = code === 0 ? NaN : code === 1 ? Infinity : code === 2 ? -Infinity : lo + ((code - 3) / LEVELS) * (hi - lo);
  }
  return out;
}

// ---- packing ---------------------------------------------------------------------------------------------------

interface SeriesHeader {
  run: number;
  /** A scalar's tag, or null for the run's epoch times. */
  tag: string | null;
  lo: number;
  hi: number;
}

/** The indices a run keeps at `stride`: every stride-th epoch and the last. */
function keptIndices(n: number, stride: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (n > 0 && out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

async function pack(runs: readonly RunRecord[], points: number, histograms: boolean): Promise<Uint8Array> {
  const body = new Bytes();
  const series: SeriesHeader[] = [];
  const meta = runs.map((run, r) => {
    const n = Math.max(0, ...Object.values(run.scalars).map((s) => s.length));
    const keep = keptIndices(n, n > points ? Math.ceil(n / points) : 1);
    const pick = (a: readonly number[]) => keep.map((i) => a[i] ?? NaN);
    for (const [tag, values] of Object.entries(run.scalars)) {
      const v = pick(values);
      const [lo, hi] = range(v);
      series.push({ run: r, tag, lo, hi });
      writeSeries(body, v, lo, hi);
    }
    if (run.times?.length) {
      const v = pick(run.times);
      const [lo, hi] = range(v);
      series.push({ run: r, tag: null, lo, hi });
      writeSeries(body, v, lo, hi);
    }
    const { scalars: _s, times: _t, epochs: _e, histograms: h, ...rest } = run;
    return { ...rest, scalars: {}, ...(histograms && h ? { histograms: h } : {}), keep: keep.map((i) => run.epochs?.[i] ?? i + 1) };
  });
  // Each run's epoch numbers lead the values: a count, then the first epoch and the steps between.
  const epochs = new Bytes();
  for (const m of meta) {
    epochs.varint(m.keep.length);
    m.keep.forEach((e, i) => epochs.varint(i ? e - m.keep[i - 1] : e));
  }
  const doc = JSON.parse(runsToJson(meta.map(({ keep: _k, ...m }) => m)));
  const header = new TextEncoder().encode(JSON.stringify({ doc, series }));
  const all = new Uint8Array(8 + header.length + epochs.len + body.len);
  all.set(MAGIC);
  new DataView(all.buffer).setUint32(4, header.length, true);
  all.set(header, 8);
  all.set(epochs.buf.subarray(0, epochs.len), 8 + header.length);
  all.set(body.buf.subarray(0, body.len), 8 + header.length + epochs.len);
  return deflate(all);
}

/** `base` with its fragment set to `#runs=<data>`. */
function withFragment(base: string, data: string): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${SHARE_KEY}=${data}`;
}

/**
 * A link to `base` (the dashboard's page) that reopens `runs`. Tries every epoch with histograms, then without,
 * then at most 512, 256, 128, 64 points per run (a longer run keeps every k-th epoch and its last); returns the
 * first link within `limit` characters, or the shortest tried with `fits: false`.
 */
export async function shareLink(runs: readonly RunRecord[], base: string, limit = SHARE_LINK_LIMIT): Promise<ShareLink> {
  const longest = Math.max(1, ...runs.map((r) => Math.max(0, ...Object.values(r.scalars).map((s) => s.length))));
  const hasHistograms = runs.some((r) => r.histograms && Object.keys(r.histograms).length > 0);
  let last: ShareLink | undefined;
  const tries: Array<[number, boolean]> = hasHistograms ? [[Infinity, true]] : [];
  tries.push([Infinity, false], ...POINTS.filter((p) => p < longest).map((p): [number, boolean] => [p, false]));
  for (const [points, histograms] of tries) {
    const url = withFragment(base, toBase64Url(await pack(runs, points, histograms)));
    last = { url, length: url.length, fits: url.length <= limit, points, histograms };
    if (last.fits) return last;
  }
  return last!;
}

/**
 * The runs in a page's fragment (`location.hash`), or null when it holds no `runs=` entry. Their ids are prefixed
 * `shared:` so they never meet the student's own.
 * @throws RunFormatError with a message for a student when the entry is malformed, truncated or hostile.
 */
export async function runsFromFragment(hash: string): Promise<RunRecord[] | null> {
  const data = new URLSearchParams(String(hash).replace(/^#/, '')).get(SHARE_KEY);
  if (data === null) return null;
  if (!data) throw new RunFormatError('the link’s runs are empty');
  if (data.length > SHARE_MAX_BYTES) throw new RunFormatError('the link is too long to be one this library made');
  const bytes = await inflate(fromBase64Url(data), SHARE_MAX_BYTES);
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new RunFormatError('the link does not hold runs of a version this library reads');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new RunFormatError('the link’s runs are cut short');
  let header: { doc?: unknown; series?: unknown };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new RunFormatError('the link’s description of its runs is damaged');
  }
  if (typeof header !== 'object' || header === null) throw new RunFormatError('the link’s description of its runs is damaged');
  const runs = parseRunsJson(JSON.stringify(header.doc ?? null));
  if (!Array.isArray(header.series)) throw new RunFormatError('the link lists no values');
  const reader = new Reader(bytes.subarray(8 + headerLength));
  for (const run of runs) {
    const n = reader.varint();
    if (n > RUNS_LIMITS.values) throw new RunFormatError('the link holds too many epochs');
    const epochs = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      epochs[i] = (i ? epochs[i - 1] : 0) + reader.varint();
      if (epochs[i] < 1 || (i && epochs[i] === epochs[i - 1])) throw new RunFormatError('the link’s epoch numbers are malformed');
    }
    run.epochs = epochs;
  }
  for (const [k, s] of (header.series as unknown[]).entries()) {
    const h = s as Partial<SeriesHeader> | null;
    const run = typeof h?.run === 'number' ? runs[h.run] : undefined;
    const ok = run && typeof h!.lo === 'number' && typeof h!.hi === 'number' && Number.isFinite(h!.lo) && Number.isFinite(h!.hi) && h!.lo <= h!.hi;
    if (!ok || !(h!.tag === null || (typeof h!.tag === 'string' && h!.tag.length <= 200 && h!.tag !== '__proto__')))
      throw new RunFormatError(`the link’s value list ${k} is malformed`);
    const n = run.epochs?.length ?? 0;
    const values = readSeries(reader, n, h!.lo!, h!.hi!);
    if (h!.tag === null) run.times = values;
    else run.scalars[h!.tag] = values;
  }
  if (reader.at !== reader.buf.length) throw new RunFormatError('the link holds more values than it lists');
  return runs.map((r) => ({ ...r, id: `shared:${r.id}` }));
}
