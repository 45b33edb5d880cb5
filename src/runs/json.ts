/**
 * Runs as a JSON file, and back: lossless (NaN, ±Infinity and −0 are written as strings, which JSON cannot hold as
 * numbers), and read with every field checked, since the text may come from anywhere (a file, a link).
 */
import type { HistogramEntry, HparamValue, RunMarkers, RunRecord, RunStatus } from './types.js';

/** The file's `format` field. */
export const RUNS_FORMAT = 'nn-mathlets-runs';
/** The newest file version this library writes and reads. */
export const RUNS_VERSION = 1;

/** Limits on what a file or link may hold, so a hostile one cannot exhaust the page. */
export const RUNS_LIMITS = { runs: 500, tags: 200, values: 1_000_000, text: 10_000, buckets: 1000 } as const;

/** A runs file or link that cannot be read: the message names the field. */
export class RunFormatError extends Error {
  override name = 'RunFormatError';
}

const STATUSES: readonly RunStatus[] = ['running', 'paused', 'done', 'stopped', 'diverged', 'aborted', 'interrupted'];

/** JSON.stringify's replacer: numbers JSON cannot write come out as strings. */
function replacer(_key: string, v: unknown): unknown {
  if (typeof v !== 'number') return v;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return v;
}

/** The JSON file of `runs` (`{ format, version, runs: [...] }`); `space` indents it. */
export function runsToJson(runs: readonly RunRecord[], space?: number): string {
  return JSON.stringify({ format: RUNS_FORMAT, version: RUNS_VERSION, runs }, replacer, space);
}

/** Reads a runs file written by {@link runsToJson}; every field is checked. @throws RunFormatError naming the problem. */
export function parseRunsJson(text: string): RunRecord[] {
  if (typeof text !== 'string') throw new RunFormatError('a runs file is text');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new RunFormatError(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return runsFromDocument(doc);
}

/** Checks a parsed runs document (`{ format, version, runs }`) and returns its runs. @throws RunFormatError */
export function runsFromDocument(doc: unknown): RunRecord[] {
  const d = obj(doc, 'the file');
  if (d.format !== RUNS_FORMAT) throw new RunFormatError(`not a runs file (format is ${JSON.stringify(d.format)}, expected "${RUNS_FORMAT}")`);
  if (d.version !== RUNS_VERSION) throw new RunFormatError(`runs file version ${JSON.stringify(d.version)} is not one this library reads (${RUNS_VERSION})`);
  const runs = arr(d.runs, 'runs', RUNS_LIMITS.runs);
  const out = runs.map((r, i) => parseRun(r, `runs[${i}]`));
  const ids = new Set<string>();
  for (const r of out) {
    if (ids.has(r.id)) throw new RunFormatError(`two runs have the id ${JSON.stringify(r.id)}`);
    ids.add(r.id);
  }
  return out;
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RunFormatError(`${where} must be an object`);
  return v as Record<string, unknown>;
}

function arr(v: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new RunFormatError(`${where} must be a list`);
  if (v.length > max) throw new RunFormatError(`${where} has ${v.length} entries, more than ${max}`);
  return v;
}

function text(v: unknown, where: string, max: number = RUNS_LIMITS.text): string {
  if (typeof v !== 'string') throw new RunFormatError(`${where} must be text`);
  if (v.length > max) throw new RunFormatError(`${where} is longer than ${max} characters`);
  return v;
}

/** A number, or one of the strings the writer uses for numbers JSON cannot hold. */
function num(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === '-0') return -0;
  throw new RunFormatError(`${where} must be a number`);
}

function nums(v: unknown, where: string): number[] {
  const a = arr(v, where, RUNS_LIMITS.values);
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = num(a[i], `${where}[${i}]`);
  return out;
}

/** Keys of an object read from JSON: own, bounded in number and length. */
function keys(o: Record<string, unknown>, where: string, max: number): string[] {
  const k = Object.keys(o);
  if (k.length > max) throw new RunFormatError(`${where} has ${k.length} entries, more than ${max}`);
  for (const key of k) {
    if (key.length > 200) throw new RunFormatError(`${where} has a name longer than 200 characters`);
    // Assigning it would replace the object's prototype.
    if (key === '__proto__') throw new RunFormatError(`${where} has an entry named __proto__`);
  }
  return k;
}

function numberMap(v: unknown, where: string): Record<string, number> {
  const o = obj(v, where);
  return Object.fromEntries(keys(o, where, RUNS_LIMITS.tags).map((k) => [k, num(o[k], `${where}.${k}`)]));
}

function epochNumber(v: unknown, where: string): number {
  const n = num(v, where);
  if (!Number.isInteger(n) || n < 1) throw new RunFormatError(`${where} must be an epoch number (1, 2, …)`);
  return n;
}

function parseMarkers(v: unknown, where: string): RunMarkers {
  const o = obj(v, where);
  const m: RunMarkers = {};
  for (const k of ['stoppedEpoch', 'restoredEpoch', 'nanEpoch'] as const) if (o[k] !== undefined) m[k] = epochNumber(o[k], `${where}.${k}`);
  if (o.lrChanges !== undefined) m.lrChanges = arr(o.lrChanges, `${where}.lrChanges`, RUNS_LIMITS.values).map((e, i) => epochNumber(e, `${where}.lrChanges[${i}]`));
  return m;
}

function parseHistograms(v: unknown, where: string): Record<string, HistogramEntry[]> {
  const o = obj(v, where);
  const out: Record<string, HistogramEntry[]> = {};
  for (const tag of keys(o, where, RUNS_LIMITS.tags)) {
    out[tag] = arr(o[tag], `${where}.${tag}`, RUNS_LIMITS.values).map((e, i) => {
      const at = `${where}.${tag}[${i}]`;
      const h = obj(e, at);
      const counts = nums(h.counts, `${at}.counts`);
      if (counts.length < 1 || counts.length > RUNS_LIMITS.buckets) throw new RunFormatError(`${at}.counts must hold 1 to ${RUNS_LIMITS.buckets} buckets`);
      return {
        epoch: epochNumber(h.epoch, `${at}.epoch`),
        min: num(h.min, `${at}.min`),
        max: num(h.max, `${at}.max`),
        num: num(h.num, `${at}.num`),
        sum: num(h.sum, `${at}.sum`),
        sumSquares: num(h.sumSquares, `${at}.sumSquares`),
        counts,
      };
    });
  }
  return out;
}

function parseHparams(v: unknown, where: string): Record<string, HparamValue> {
  const o = obj(v, where);
  const out: Record<string, HparamValue> = {};
  for (const k of keys(o, where, RUNS_LIMITS.tags)) {
    const x = o[k];
    out[k] = typeof x === 'boolean' ? x : typeof x === 'string' && !['NaN', 'Infinity', '-Infinity', '-0'].includes(x) ? text(x, `${where}.${k}`, 500) : num(x, `${where}.${k}`);
  }
  return out;
}

/** One run record, rebuilt field by field (nothing unknown is carried over). */
function parseRun(v: unknown, where: string): RunRecord {
  const o = obj(v, where);
  const id = text(o.id, `${where}.id`, 200);
  if (!id) throw new RunFormatError(`${where}.id is empty`);
  const name = text(o.name, `${where}.name`, 500);
  if (!name.trim()) throw new RunFormatError(`${where}.name is empty`);
  const status = o.status as RunStatus;
  if (!STATUSES.includes(status)) throw new RunFormatError(`${where}.status ${JSON.stringify(o.status)} is not one of: ${STATUSES.join(', ')}`);
  const scalarsIn = obj(o.scalars, `${where}.scalars`);
  const scalars: Record<string, number[]> = {};
  let total = 0;
  for (const tag of keys(scalarsIn, `${where}.scalars`, RUNS_LIMITS.tags)) {
    scalars[tag] = nums(scalarsIn[tag], `${where}.scalars.${tag}`);
    total += scalars[tag].length;
    if (total > RUNS_LIMITS.values) throw new RunFormatError(`${where}.scalars hold more than ${RUNS_LIMITS.values} values`);
  }
  const run: RunRecord = {
    id,
    name,
    scalars,
    status,
    markers: o.markers === undefined ? {} : parseMarkers(o.markers, `${where}.markers`),
    summary: o.summary === undefined ? {} : numberMap(o.summary, `${where}.summary`),
    startedAt: num(o.startedAt, `${where}.startedAt`),
  };
  if (!Number.isFinite(run.startedAt)) throw new RunFormatError(`${where}.startedAt must be a time (ms since 1970)`);
  if (o.source !== undefined) run.source = text(o.source, `${where}.source`, 500);
  if (o.page !== undefined) run.page = text(o.page, `${where}.page`, 2000);
  if (o.stage !== undefined) run.stage = text(o.stage, `${where}.stage`, 200);
  if (o.message !== undefined) run.message = text(o.message, `${where}.message`);
  if (o.endedAt !== undefined) run.endedAt = num(o.endedAt, `${where}.endedAt`);
  if (o.stepsPerEpoch !== undefined) run.stepsPerEpoch = epochNumber(o.stepsPerEpoch, `${where}.stepsPerEpoch`);
  if (o.times !== undefined) run.times = nums(o.times, `${where}.times`);
  if (o.epochs !== undefined) run.epochs = arr(o.epochs, `${where}.epochs`, RUNS_LIMITS.values).map((e, i) => epochNumber(e, `${where}.epochs[${i}]`));
  if (o.hparams !== undefined) run.hparams = parseHparams(o.hparams, `${where}.hparams`);
  if (o.histograms !== undefined) run.histograms = parseHistograms(o.histograms, `${where}.histograms`);
  // The spec is the labs' own JSON, re-checked by whoever builds from it; here it only has to be plain data.
  if (o.spec !== undefined) run.spec = plainJson(o.spec, `${where}.spec`, 0);
  return run;
}

/** A deep copy of plain JSON data, at most 32 levels deep. */
function plainJson(v: unknown, where: string, depth: number): unknown {
  if (depth > 32) throw new RunFormatError(`${where} is nested too deeply`);
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x, i) => plainJson(x, `${where}[${i}]`, depth + 1));
  const o = obj(v, where);
  return Object.fromEntries(keys(o, where, 1000).map((k) => [k, plainJson(o[k], `${where}.${k}`, depth + 1)]));
}
