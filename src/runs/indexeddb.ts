/**
 * The browser's backend: one IndexedDB database per site, shared by every page of the course. A page that trains a
 * run holds a Web Lock named after it, so another page can tell a run still training from one whose page was
 * closed; a BroadcastChannel tells open pages when a run was written.
 */
import type { RunBackend } from './backend.js';
import type { RunRecord } from './types.js';

/** The database's name. */
export const RUNS_DATABASE = 'nn-mathlets';
const STORE = 'runs';
const LOCK_PREFIX = 'nn-mathlets-run:';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/**
 * Opens the site's run database. Rejects, with a reason a student can read, where the browser keeps no IndexedDB
 * (some private windows, a blocked storage setting, Node).
 */
export async function openIndexedDbBackend(name = RUNS_DATABASE): Promise<RunBackend> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) throw new Error('this browser gives the page no IndexedDB');
  let db: IDBDatabase;
  try {
    const open = idb.open(name, 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    db = await request(open);
  } catch (e) {
    throw new Error(`the browser refused its storage (${e instanceof Error ? e.message || e.name : String(e)})`);
  }
  return new IndexedDbBackend(db, name);
}

class IndexedDbBackend implements RunBackend {
  readonly kind = 'indexeddb' as const;
  private readonly releases = new Map<string, () => void>();
  private readonly channel?: BroadcastChannel;
  private readonly locks?: LockManagerLike;

  constructor(
    private readonly db: IDBDatabase,
    name: string,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${name}-runs`) : undefined;
    this.locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
    // Another page upgrading the database (a newer version of the library) asks this one to let go.
    db.onversionchange = () => db.close();
  }

  private async tx<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const t = this.db.transaction(STORE, mode);
    const result = request(work(t.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  }

  load(): Promise<RunRecord[]> {
    return this.tx('readonly', (s) => s.getAll() as IDBRequest<RunRecord[]>);
  }
  get(id: string): Promise<RunRecord | undefined> {
    return this.tx('readonly', (s) => s.get(id) as IDBRequest<RunRecord | undefined>);
  }
  async put(run: RunRecord): Promise<void> {
    await this.tx('readwrite', (s) => s.put(run));
    this.channel?.postMessage(run.id);
  }
  async delete(id: string): Promise<void> {
    await this.tx('readwrite', (s) => s.delete(id));
    this.channel?.postMessage(id);
  }
  async clear(): Promise<void> {
    await this.tx('readwrite', (s) => s.clear());
    this.channel?.postMessage('*');
  }
  hold(id: string): void {
    if (!this.locks || this.releases.has(id)) return;
    // The lock is held until the promise the callback returns settles, which release() does (even before it is granted).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.releases.set(id, release);
    void this.locks.request(LOCK_PREFIX + id, () => held);
  }
  release(id: string): void {
    this.releases.get(id)?.();
    this.releases.delete(id);
  }
  async live(): Promise<Set<string> | undefined> {
    if (!this.locks) return undefined;
    const { held = [] } = await this.locks.query();
    return new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(LOCK_PREFIX)).map((n) => n.slice(LOCK_PREFIX.length)));
  }
  watch(listener: (id: string) => void): () => void {
    const channel = this.channel;
    if (!channel) return () => {};
    const on = (e: MessageEvent) => typeof e.data === 'string' && listener(e.data);
    channel.addEventListener('message', on);
    return () => channel.removeEventListener('message', on);
  }
  close(): void {
    for (const release of this.releases.values()) release();
    this.releases.clear();
    this.channel?.close();
    this.db.close();
  }
}
