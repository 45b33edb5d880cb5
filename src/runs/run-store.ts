import type { NewRun, RunMarkers, RunRecord, RunStatus, RunStoreChange, RunStoreListener } from './types.js';

/**
 * The page's runs: every lab appends its per-epoch scalars here, and views (curves, a run dashboard) subscribe.
 * Records are plain objects, so they serialise as JSON; a store holds at most `limit` runs and drops the oldest
 * finished run past that (never a running one).
 *
 * @example
 * const store = new RunStore();
 * const run = store.add({ name: 'nn-trainer · vanishing-fixed' });
 * store.appendEpoch(run.id, { loss: 0.6, accuracy: 0.7 });
 * store.end(run.id, 'done', { summary: { testAccuracy: 0.88 } });
 */
export class RunStore {
  private readonly runs = new Map<string, RunRecord>();
  private readonly listeners = new Set<RunStoreListener>();
  private nextId = 1;

  /** @param limit the most runs kept (oldest finished ones are dropped first). Default 100. */
  constructor(readonly limit = 100) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  /** Starts a run, with no scalars yet. Returns its record (live: it changes as epochs are appended). */
  add(init: NewRun): RunRecord {
    if (!init || typeof init.name !== 'string' || !init.name.trim()) {
      throw new RangeError(`a run needs a name, got ${JSON.stringify(init?.name)}`);
    }
    const run: RunRecord = {
      id: `run-${this.nextId++}`,
      name: this.uniqueName(init.name.trim()),
      source: init.source,
      spec: init.spec === undefined ? undefined : structuredClone(init.spec),
      scalars: {},
      status: 'running',
      markers: {},
      summary: {},
      startedAt: init.startedAt ?? Date.now(),
    };
    this.runs.set(run.id, run);
    this.prune();
    this.notify({ type: 'add', run });
    return run;
  }

  /**
   * Appends one epoch's scalars. A tag missing from `scalars` gets NaN for that epoch, and a new tag is padded
   * with NaN for the epochs before it, so every tag stays one value per epoch.
   * @throws RangeError for an unknown run id.
   */
  appendEpoch(id: string, scalars: Record<string, number>): RunRecord {
    const run = this.require(id);
    const epochs = this.epochCount(run);
    for (const [tag, value] of Object.entries(scalars)) {
      const series = (run.scalars[tag] ??= new Array<number>(epochs).fill(NaN));
      series.push(typeof value === 'number' ? value : NaN);
    }
    for (const series of Object.values(run.scalars)) if (series.length === epochs) series.push(NaN);
    this.notify({ type: 'epoch', run });
    return run;
  }

  /** Ends a run with a status, and optionally its markers, summary numbers and a message. */
  end(
    id: string,
    status: Exclude<RunStatus, 'running' | 'paused'>,
    extra: { markers?: RunMarkers; summary?: Record<string, number>; message?: string } = {},
  ): RunRecord {
    const run = this.require(id);
    run.status = status;
    run.endedAt = Date.now();
    Object.assign(run.markers, extra.markers);
    Object.assign(run.summary, extra.summary);
    if (extra.message !== undefined) run.message = extra.message;
    this.notify({ type: 'end', run });
    this.prune();
    return run;
  }

  /** Changes a run's name, status (e.g. `paused`), markers or summary while it goes on. */
  update(id: string, patch: Partial<Pick<RunRecord, 'name' | 'status' | 'message'>> & { markers?: RunMarkers; summary?: Record<string, number> }): RunRecord {
    const run = this.require(id);
    if (patch.name !== undefined) run.name = patch.name;
    if (patch.status !== undefined) run.status = patch.status;
    if (patch.message !== undefined) run.message = patch.message;
    Object.assign(run.markers, patch.markers);
    Object.assign(run.summary, patch.summary);
    this.notify({ type: 'update', run });
    return run;
  }

  /** The run with this id, if the store still has it. */
  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  /** Every run, oldest first. */
  list(): RunRecord[] {
    return [...this.runs.values()];
  }

  /** How many runs the store holds. */
  get size(): number {
    return this.runs.size;
  }

  /** Removes one run; returns whether it was there. */
  remove(id: string): boolean {
    const run = this.runs.get(id);
    if (!run) return false;
    this.runs.delete(id);
    this.notify({ type: 'remove', run });
    return true;
  }

  /** Removes every run. */
  clear(): void {
    this.runs.clear();
    this.notify({ type: 'clear' });
  }

  /** Calls `listener` after every change; returns a function that unsubscribes it. */
  subscribe(listener: RunStoreListener): () => void {
    this.listeners.add(listener);
    return () => this.unsubscribe(listener);
  }

  /** Stops calling `listener`. */
  unsubscribe(listener: RunStoreListener): void {
    this.listeners.delete(listener);
  }

  /** The number of epochs a run has recorded (the longest tag). */
  epochCount(run: RunRecord): number {
    let n = 0;
    for (const series of Object.values(run.scalars)) n = Math.max(n, series.length);
    return n;
  }

  private require(id: string): RunRecord {
    const run = this.runs.get(id);
    if (!run) throw new RangeError(`no run with id ${JSON.stringify(id)} in the store`);
    return run;
  }

  /** "name", then "name (2)", "name (3)": two runs of the same setup stay apart in a legend. */
  private uniqueName(name: string): string {
    const taken = new Set([...this.runs.values()].map((r) => r.name));
    if (!taken.has(name)) return name;
    let k = 2;
    while (taken.has(`${name} (${k})`)) k++;
    return `${name} (${k})`;
  }

  private prune(): void {
    while (this.runs.size > this.limit) {
      const oldest = [...this.runs.values()].find((r) => r.status !== 'running' && r.status !== 'paused');
      if (!oldest) return;
      this.runs.delete(oldest.id);
      this.notify({ type: 'remove', run: oldest });
    }
  }

  private notify(change: RunStoreChange): void {
    // A listener that throws must not stop the others, nor the training that appended the epoch.
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}

let pageStore: RunStore | undefined;

/**
 * The page's shared store, made on first use: every lab on a page records here unless given its own store, so one
 * dashboard sees them all.
 */
export function pageRunStore(): RunStore {
  return (pageStore ??= new RunStore());
}
