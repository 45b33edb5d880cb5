import type { RunBackend } from './backend.js';
import { openIndexedDbBackend } from './indexeddb.js';
import { appendHistogram, histogramOf, HISTOGRAM_BUCKETS } from './histogram.js';
import type { NewRun, RunMarkers, RunRecord, RunStatus, RunStoreChange, RunStoreListener } from './types.js';

/** Where a store's runs live, as the dashboard says it. */
export interface RunStorage {
  /** `indexeddb`: saved in the browser, for every page of the site; `memory`: lost when the page closes. */
  kind: 'indexeddb' | 'memory' | 'opening';
  /** Why runs stay in memory (no storage, storage full), in words. */
  reason?: string;
}

/** Options of a {@link RunStore}. */
export interface RunStoreOptions {
  /** Put before every id, so runs made by different pages never share one (the page store picks its own). */
  idPrefix?: string;
  /** Recorded as each new run's `page` (default none). */
  page?: string;
  /** While a run trains, it is saved at most this often, in ms (default 1000); its start and end at once. */
  saveEveryMs?: number;
}

/**
 * The page's runs: every lab appends its per-epoch scalars here, and views (curves, a run dashboard) subscribe.
 * Records are plain objects, so they serialise as JSON. A store holds at most `limit` runs and drops the oldest
 * finished run past that (never a running one, and never from its backend: deleting a saved run is explicit).
 * With a backend ({@link RunStore.persistTo}) it saves every run as it trains; {@link RunStore.loadSaved} brings in
 * the runs other pages saved.
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
  private readonly options: RunStoreOptions;
  private backend?: RunBackend;
  private opening?: Promise<void>;
  private unwatch?: () => void;
  private loaded?: Promise<number>;
  /** Runs changed since they were last saved, and the timer that saves them. */
  private readonly dirty = new Set<string>();
  private saveTimer?: ReturnType<typeof setTimeout>;
  private saving = Promise.resolve();
  private storageState: RunStorage = { kind: 'memory' };

  /**
   * @param limit the most runs kept in memory (oldest finished ones are dropped first). Default 100; `Infinity` keeps all.
   * @param options an id prefix, the page, how often a training run is saved.
   */
  constructor(
    readonly limit = 100,
    options: RunStoreOptions = {},
  ) {
    if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    this.options = { ...options };
  }

  /** Where the runs are kept: in the browser's storage, or only in memory (and why). */
  get storage(): RunStorage {
    return { ...this.storageState };
  }

  /** Starts a run, with no scalars yet. Returns its record (live: it changes as epochs are appended). */
  add(init: NewRun): RunRecord {
    if (!init || typeof init.name !== 'string' || !init.name.trim()) {
      throw new RangeError(`a run needs a name, got ${JSON.stringify(init?.name)}`);
    }
    const page = init.page ?? this.options.page;
    const run: RunRecord = {
      id: `${this.options.idPrefix ?? ''}run-${this.nextId++}`,
      name: this.uniqueName(init.name.trim()),
      source: init.source,
      ...(page ? { page } : {}),
      spec: init.spec === undefined ? undefined : structuredClone(init.spec),
      ...(init.hparams ? { hparams: { ...init.hparams } } : {}),
      ...(init.stage ? { stage: init.stage } : {}),
      ...(init.stepsPerEpoch ? { stepsPerEpoch: init.stepsPerEpoch } : {}),
      scalars: {},
      times: [],
      status: 'running',
      markers: {},
      summary: {},
      startedAt: init.startedAt ?? Date.now(),
    };
    this.runs.set(run.id, run);
    this.backend?.hold(run.id);
    this.prune();
    this.notify({ type: 'add', run });
    this.save(run.id, true);
    return run;
  }

  /**
   * Appends one epoch's scalars. A tag missing from `scalars` gets NaN for that epoch, and a new tag is padded
   * with NaN for the epochs before it, so every tag stays one value per epoch.
   * @param at when the epoch ended (`Date.now()` by default), for the dashboard's time axis.
   * @throws RangeError for an unknown run id.
   */
  appendEpoch(id: string, scalars: Record<string, number>, at = Date.now()): RunRecord {
    const run = this.require(id);
    const epochs = this.epochCount(run);
    for (const [tag, value] of Object.entries(scalars)) {
      const series = (run.scalars[tag] ??= new Array<number>(epochs).fill(NaN));
      series.push(typeof value === 'number' ? value : NaN);
    }
    for (const series of Object.values(run.scalars)) if (series.length === epochs) series.push(NaN);
    const times = (run.times ??= []);
    while (times.length < epochs) times.push(NaN);
    times.push(Math.max(0, at - run.startedAt));
    this.notify({ type: 'epoch', run });
    this.save(id);
    return run;
  }

  /**
   * Records each tensor's histogram (by tag, e.g. `dense/kernel_0`) for the run's latest epoch, as Keras's
   * TensorBoard callback does with `histogram_freq=1`; {@link HISTOGRAM_KEEP} bounds what a long run keeps.
   * @throws RangeError for an unknown run id, or before the run's first epoch.
   */
  appendHistograms(id: string, values: Record<string, ArrayLike<number>>, buckets = HISTOGRAM_BUCKETS): RunRecord {
    const run = this.require(id);
    const epoch = this.epochCount(run);
    if (epoch === 0) throw new RangeError(`run ${id} has no epoch yet to attach histograms to`);
    const histograms = (run.histograms ??= {});
    for (const [tag, v] of Object.entries(values)) appendHistogram((histograms[tag] ??= []), histogramOf(v, epoch, buckets));
    this.save(id);
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
    this.save(id, true);
    this.backend?.release(id);
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
    this.save(id, true);
    return run;
  }

  /** The run with this id, if the store still has it. */
  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  /** Every run, oldest first (by start). */
  list(): RunRecord[] {
    return [...this.runs.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /** How many runs the store holds. */
  get size(): number {
    return this.runs.size;
  }

  /** Removes one run, also from the backend (the browser's saved runs); returns whether it was there. */
  remove(id: string): boolean {
    const run = this.runs.get(id);
    if (!run) return false;
    this.runs.delete(id);
    this.dirty.delete(id);
    this.backend?.release(id);
    this.write(() => this.backend?.delete(id));
    this.notify({ type: 'remove', run });
    return true;
  }

  /** Removes every run, also every saved one. */
  clear(): void {
    for (const id of this.runs.keys()) this.backend?.release(id);
    this.runs.clear();
    this.dirty.clear();
    this.write(() => this.backend?.clear());
    this.notify({ type: 'clear' });
  }

  /**
   * Adds finished runs made elsewhere (a JSON file, another browser), keeping their ids and names; they are saved
   * like the store's own. A run whose id the store has already is left out. Returns the runs added.
   */
  addRecords(records: readonly RunRecord[]): RunRecord[] {
    const added: RunRecord[] = [];
    for (const r of records) {
      if (this.runs.has(r.id)) continue;
      const run = structuredClone(r);
      if (run.status === 'running' || run.status === 'paused') run.status = 'interrupted';
      this.runs.set(run.id, run);
      added.push(run);
      this.save(run.id, true);
    }
    if (added.length) this.notify({ type: 'load' });
    return added;
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

  /**
   * Saves every run, now and as it changes, through `backend` (a promise of one, while it opens). If it cannot be
   * opened, or a write fails (storage full), the runs stay in memory and {@link storage} says why.
   */
  persistTo(backend: RunBackend | Promise<RunBackend>): Promise<void> {
    this.storageState = { kind: 'opening' };
    this.opening = Promise.resolve(backend).then(
      (b) => {
        this.backend = b;
        this.storageState = { kind: b.kind };
        for (const run of this.runs.values()) if (run.status === 'running' || run.status === 'paused') b.hold(run.id);
        this.unwatch = b.watch((id) => void this.reread(id));
        for (const id of this.runs.keys()) this.dirty.add(id);
        this.flush();
        this.notify({ type: 'storage' });
      },
      (e: unknown) => this.toMemory(`runs are kept in this page only: ${e instanceof Error ? e.message : String(e)}`),
    );
    return this.opening;
  }

  /**
   * Brings in the runs saved by this page's earlier visits and by the site's other pages (once; later calls
   * return the same promise). A saved run still marked as training whose page is gone is marked `interrupted`.
   * Resolves with how many runs were added.
   */
  loadSaved(): Promise<number> {
    return (this.loaded ??= (async () => {
      await this.opening;
      const backend = this.backend;
      if (!backend) return 0;
      let saved: RunRecord[];
      try {
        saved = await backend.load();
      } catch (e) {
        this.toMemory(`saved runs could not be read: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      }
      const live = await backend.live().catch(() => undefined);
      let added = 0;
      for (const run of saved) {
        if (this.runs.has(run.id)) continue;
        if ((run.status === 'running' || run.status === 'paused') && !live?.has(run.id)) {
          run.status = 'interrupted';
          run.message ??= 'Its page was closed while it trained; the epochs up to then are kept.';
          this.write(() => backend.put(run));
        }
        this.runs.set(run.id, run);
        added++;
      }
      this.notify({ type: 'load' });
      return added;
    })());
  }

  /** Resolves when every change so far has been written (or given up). */
  async flushed(): Promise<void> {
    await this.opening;
    this.flush();
    await this.saving;
  }

  /** Stops saving and lets go of the backend (runs stay in memory). */
  detach(): void {
    clearTimeout(this.saveTimer);
    this.unwatch?.();
    this.backend?.close();
    this.backend = undefined;
    this.storageState = { kind: 'memory' };
  }

  /** Marks a run to be saved: at once, or with the next timed save (at most one per `saveEveryMs`). */
  private save(id: string, now = false): void {
    this.dirty.add(id);
    if (!this.backend) return;
    if (now) return this.flush();
    this.saveTimer ??= setTimeout(() => this.flush(), this.options.saveEveryMs ?? 1000);
    // A pending save must not keep Node alive at exit.
    (this.saveTimer as { unref?: () => void }).unref?.();
  }

  private flush(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const backend = this.backend;
    if (!backend) return;
    for (const id of this.dirty) {
      const run = this.runs.get(id);
      if (!run) continue;
      // While a run trains, its saved copy leaves the histograms out (cloning them every second would cost the
      // page frames); they are saved with the run's end.
      const training = run.status === 'running' || run.status === 'paused';
      const copy = training && run.histograms ? { ...run, histograms: undefined } : run;
      this.write(() => backend.put(copy));
    }
    this.dirty.clear();
  }

  /** Queues a write; the first failure sends the store back to memory with the browser's reason. */
  private write(work: () => Promise<void> | undefined): void {
    if (!this.backend) return;
    this.saving = this.saving.then(async () => {
      if (!this.backend) return;
      try {
        await work();
      } catch (e) {
        const full = e instanceof Error && /quota/i.test(e.name + e.message);
        this.toMemory(full ? 'the browser’s storage for this site is full: new runs are kept in this page only' : `saving failed (${e instanceof Error ? e.message || e.name : String(e)}): runs are kept in this page only`);
      }
    });
  }

  private toMemory(reason: string): void {
    this.detach();
    this.storageState = { kind: 'memory', reason };
    this.notify({ type: 'storage' });
  }

  /** Another page wrote or deleted a run: show its latest state when this store shows saved runs. */
  private async reread(id: string): Promise<void> {
    if (!this.loaded || !this.backend) return;
    await this.loaded;
    if (id === '*') {
      for (const run of [...this.runs.values()]) if (run.status !== 'running' && run.status !== 'paused') this.runs.delete(run.id);
      return this.notify({ type: 'load' });
    }
    const mine = this.runs.get(id);
    if (mine && (mine.status === 'running' || mine.status === 'paused')) return;
    const run = await this.backend.get(id).catch(() => undefined);
    if (run) this.runs.set(id, run);
    else this.runs.delete(id);
    this.notify({ type: 'load' });
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
      const oldest = this.list().find((r) => r.status !== 'running' && r.status !== 'paused');
      if (!oldest) return;
      this.runs.delete(oldest.id);
      this.dirty.delete(oldest.id);
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
 * dashboard sees them all. In a browser it saves every run in the site's IndexedDB database (or says, in
 * `storage`, why it cannot), so `<nn-runs>` on any page of the course shows runs made on the others.
 */
export function pageRunStore(): RunStore {
  if (pageStore) return pageStore;
  const where = (globalThis as { location?: { pathname?: string } }).location;
  // Runs from two pages open at once must never share an id: each page's ids start with when it opened (µs).
  const opened = Math.floor((performance.timeOrigin + performance.now()) * 1000).toString(36);
  pageStore = new RunStore(Infinity, { idPrefix: `${opened}-`, page: where?.pathname });
  void pageStore.persistTo(openIndexedDbBackend());
  return pageStore;
}
