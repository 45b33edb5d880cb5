/**
 * TensorBoard event files from runs, written as TensorFlow writes them: TFRecord framing (length, masked CRC-32C of
 * the length, the data, masked CRC-32C of the data) around `Event` protos — first `file_version` "brain.Event:2",
 * then one event per epoch and tag: scalars as `simple_value`, weight histograms as `HistogramProto`.
 * (tensorboard/compat/proto/event.proto, summary.proto, histogram.proto; tensorboard/summary/writer/record_writer.py)
 */
import { concatBytes } from './bytes.js';
import { maskedCrc32c } from './crc.js';
import { ProtoWriter } from './protobuf.js';
import type { HistogramEntry, RunRecord } from './types.js';

/** Which of a run's values one event file holds. */
export type EventFileSplit = 'all' | 'train' | 'validation';

/** Options of {@link tensorBoardEventFile}. */
export interface EventFileOptions {
  /**
   * `all` (default): every scalar under the run's own tag (`loss`, `val_loss`, `accuracy`, `lr`, …) and every
   * histogram, in one file. `train` / `validation`: what Keras's TensorBoard callback writes to `<run>/train` and
   * `<run>/validation` — `epoch_loss`, `epoch_accuracy`, `epoch_learning_rate` (the `lr` tag), with the `val_`
   * prefix dropped in `validation`, and the histograms in `train`.
   */
  split?: EventFileSplit;
}

/** Options of {@link tensorBoardLogdir}. */
export interface LogdirOptions {
  /**
   * `keras` (default): `<run>/train/events…` and `<run>/validation/events…`, the layout the homework's
   * `TensorBoard(log_dir=…, histogram_freq=1)` callback writes, so train and validation overlay in one chart per
   * metric. `flat`: one file per run, `<run>/events…`, with every tag as the run names it.
   */
  layout?: 'keras' | 'flat';
  /** The host name in each file name (default "nn-mathlets"). */
  host?: string;
}

/** One file of a log directory: its path (with `/`) and its bytes. */
export interface LogdirFile {
  path: string;
  data: Uint8Array;
}

/** One record of a TFRecord file: the framing around `data`. */
export function tfRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 16);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length % 0x100000000, true);
  dv.setUint32(4, Math.floor(data.length / 0x100000000), true);
  dv.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(data, 12);
  dv.setUint32(12 + data.length, maskedCrc32c(data), true);
  return out;
}

function event(wallTime: number, step: number, fill: (e: ProtoWriter) => void): Uint8Array {
  const e = new ProtoWriter().double(1, wallTime).int64(2, step);
  fill(e);
  return e.finish();
}

const summaryOf = (value: Uint8Array) => new ProtoWriter().bytes(1, value).finish();

function scalarValue(tag: string, v: number): Uint8Array {
  return new ProtoWriter().string(1, tag).float(2, v).finish();
}

/** A HistogramProto: bucket `i` holds the values up to `bucket_limit[i]`; the last limit is the max. */
function histogramValue(tag: string, h: HistogramEntry): Uint8Array {
  const k = h.counts.length;
  const width = (h.max - h.min) / k;
  const limits = Array.from({ length: k }, (_, i) => (i === k - 1 ? h.max : h.min + (i + 1) * width));
  const histo = new ProtoWriter()
    .double(1, h.min)
    .double(2, h.max)
    .double(3, h.num)
    .double(4, h.sum)
    .double(5, h.sumSquares)
    .packedDoubles(6, limits)
    .packedDoubles(7, h.counts)
    .finish();
  return new ProtoWriter().string(1, tag).bytes(5, histo).finish();
}

/** The tag a run's scalar gets in a file of `split`, or null when the file leaves it out. */
function tagFor(tag: string, split: EventFileSplit): string | null {
  if (split === 'all') return tag;
  const validation = tag.startsWith('val_');
  if (validation !== (split === 'validation')) return null;
  const name = validation ? tag.slice(4) : tag;
  return `epoch_${name === 'lr' ? 'learning_rate' : name}`;
}

/**
 * One run's TensorBoard event file: the bytes a student downloads as `events.out.tfevents.<time>.<host>`.
 * Steps are epochs counted from 0, as Keras's callback writes them; wall times are when each epoch ended.
 */
export function tensorBoardEventFile(run: RunRecord, options: EventFileOptions = {}): Uint8Array {
  const split = options.split ?? 'all';
  const start = run.startedAt / 1000;
  const records: Uint8Array[] = [tfRecord(event(start, 0, (e) => e.string(3, 'brain.Event:2')))];
  const epochs = Math.max(0, ...Object.values(run.scalars).map((s) => s.length));
  const numbers = run.epochs;
  let wall = start;
  for (let i = 0; i < epochs; i++) {
    const t = run.times?.[i];
    if (t !== undefined && Number.isFinite(t)) wall = start + t / 1000;
    const step = (numbers?.[i] ?? i + 1) - 1;
    for (const [tag, series] of Object.entries(run.scalars)) {
      const name = tagFor(tag, split);
      if (name === null || i >= series.length) continue;
      records.push(tfRecord(event(wall, step, (e) => e.bytes(5, summaryOf(scalarValue(name, series[i]))))));
    }
  }
  if (split !== 'validation' && run.histograms) {
    for (const [tag, entries] of Object.entries(run.histograms)) {
      for (const h of entries) {
        const t = run.times?.[h.epoch - 1];
        const at = t !== undefined && Number.isFinite(t) ? start + t / 1000 : start;
        records.push(tfRecord(event(at, h.epoch - 1, (e) => e.bytes(5, summaryOf(histogramValue(tag, h))))));
      }
    }
  }
  return concatBytes(records);
}

/** `events.out.tfevents.<seconds>.<host>`: the name TensorBoard looks for ("tfevents" in it). */
export function eventFileName(run: RunRecord, host = 'nn-mathlets'): string {
  return `events.out.tfevents.${Math.floor(run.startedAt / 1000)}.${host.replace(/[^A-Za-z0-9.-]/g, '-')}`;
}

/** A folder name for a run: its name with anything but letters, digits, `.`, `_` and `-` made `_`. */
export function runFolderName(name: string): string {
  const s = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+|_+$/g, '');
  return s.slice(0, 80) || 'run';
}

/**
 * The runs as a TensorBoard log directory: each run in its own folder (named after the run, made unique), laid
 * out as `layout` says. `tensorboard --logdir <folder>` opens it.
 */
export function tensorBoardLogdir(runs: readonly RunRecord[], options: LogdirOptions = {}): LogdirFile[] {
  const layout = options.layout ?? 'keras';
  const used = new Set<string>();
  const files: LogdirFile[] = [];
  for (const run of runs) {
    const base = runFolderName(run.name);
    let dir = base;
    for (let k = 2; used.has(dir.toLowerCase()); k++) dir = `${base}-${k}`;
    used.add(dir.toLowerCase());
    const name = eventFileName(run, options.host);
    if (layout === 'flat') {
      files.push({ path: `${dir}/${name}`, data: tensorBoardEventFile(run) });
      continue;
    }
    files.push({ path: `${dir}/train/${name}`, data: tensorBoardEventFile(run, { split: 'train' }) });
    if (Object.keys(run.scalars).some((t) => t.startsWith('val_')))
      files.push({ path: `${dir}/validation/${name}`, data: tensorBoardEventFile(run, { split: 'validation' }) });
  }
  return files;
}
