/** Where a run store keeps its runs beyond the page: the interface, and the in-memory one used where nothing lasts. */
import type { RunRecord } from './types.js';

/** How a run store saves its runs. Writes are whole records; a failed write rejects with the browser's error. */
export interface RunBackend {
  /** `indexeddb`: runs outlive the page; `memory`: they go with it. */
  readonly kind: 'indexeddb' | 'memory';
  /** Every saved run. */
  load(): Promise<RunRecord[]>;
  /** One saved run, if there. */
  get(id: string): Promise<RunRecord | undefined>;
  put(run: RunRecord): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Says that this page trains run `id` now (until `release`), so another page will not take it for interrupted. */
  hold(id: string): void;
  release(id: string): void;
  /** The ids some open page trains now, or undefined when the browser cannot tell. */
  live(): Promise<Set<string> | undefined>;
  /** Calls `listener` with the id of a run another page wrote or deleted; returns how to stop. */
  watch(listener: (id: string) => void): () => void;
  /** Lets go of the database. */
  close(): void;
}

/** A backend that keeps copies in memory: for Node, tests, and where the browser keeps nothing. */
export class MemoryRunBackend implements RunBackend {
  readonly kind = 'memory' as const;
  private readonly runs = new Map<string, RunRecord>();
  private readonly held = new Set<string>();

  async load(): Promise<RunRecord[]> {
    return [...this.runs.values()].map((r) => structuredClone(r));
  }
  async get(id: string): Promise<RunRecord | undefined> {
    const r = this.runs.get(id);
    return r && structuredClone(r);
  }
  async put(run: RunRecord): Promise<void> {
    this.runs.set(run.id, structuredClone(run));
  }
  async delete(id: string): Promise<void> {
    this.runs.delete(id);
  }
  async clear(): Promise<void> {
    this.runs.clear();
  }
  hold(id: string): void {
    this.held.add(id);
  }
  release(id: string): void {
    this.held.delete(id);
  }
  async live(): Promise<Set<string>> {
    return new Set(this.held);
  }
  watch(): () => void {
    return () => {};
  }
  close(): void {}
}
