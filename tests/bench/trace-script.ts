/**
 * Main-thread script time from a Chromium trace (devtools.timeline): the union of the page main thread's script
 * events (nested ones are counted once), cut into 16.7 ms slots as frames are.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.callFunction', 'v8.run', 'v8.evaluateModule']);
const SLOT_US = 1e6 / 60;

export interface ScriptPerFrame {
  /** Script ms in the busiest slot, the 95th percentile and the median over slots from first to last event. */
  max: number;
  p95: number;
  median: number;
  slots: number;
  over16: number;
  /** The longest stretch of uninterrupted script, in ms. */
  longest: number;
}

/** The trace time (µs) of the first `performance.mark(name)`, or undefined. */
export function markTime(events: TraceEvent[], name: string): number | undefined {
  return events.find((e) => e.name === name && e.ph !== 'M')?.ts;
}

/** Script per frame on the page's main thread, over the events in [from, to) (trace µs; default all). */
export function mainThreadScript(events: TraceEvent[], from = -Infinity, to = Infinity): ScriptPerFrame {
  // The page's main thread: the CrRendererMain with the most script events (a trace also holds other renderers).
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (pid: number, tid: number) => events.filter((e) => e.pid === pid && e.tid === tid && SCRIPT.has(e.name)).length;
  const main = mains.map((m) => ({ pid: m.pid, tid: m.tid, n: count(m.pid, m.tid) })).sort((a, b) => b.n - a.n)[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && SCRIPT.has(e.name) && (e.dur ?? 0) > 0 && e.ts >= from && e.ts < to)
    .map((e) => [e.ts, e.ts + e.dur!] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  // Union of the spans.
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  if (merged.length === 0) return { max: 0, p95: 0, median: 0, slots: 0, over16: 0, longest: 0 };
  const start = merged[0][0];
  const n = Math.ceil((merged[merged.length - 1][1] - start) / SLOT_US);
  const slots = new Float64Array(n);
  let longest = 0;
  for (const [a, b] of merged) {
    longest = Math.max(longest, b - a);
    // Slot by slot; slot i ends at start + (i + 1)·SLOT_US, found by index so rounding cannot stall the walk.
    for (let i = Math.min(n - 1, Math.floor((a - start) / SLOT_US)), t = a; t < b && i < n; i++) {
      const end = Math.min(b, start + (i + 1) * SLOT_US);
      if (end > t) slots[i] += end - t;
      t = Math.max(t, end);
    }
  }
  const ms = Array.from(slots, (v) => v / 1000).sort((x, y) => x - y);
  return {
    max: ms[ms.length - 1],
    p95: ms[Math.floor(ms.length * 0.95)],
    median: ms[Math.floor(ms.length / 2)],
    slots: ms.length,
    over16: ms.filter((v) => v > 16).length,
    longest: longest / 1000,
  };
}

/** The page's main thread: the CrRendererMain with the most script events (a trace also holds other renderers). */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (pid: number, tid: number) => events.filter((e) => e.pid === pid && e.tid === tid && SCRIPT.has(e.name)).length;
  const main = mains.map((m) => ({ pid: m.pid, tid: m.tid, n: count(m.pid, m.tid) })).sort((a, b) => b.n - a.n)[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  return main;
}

/** The main thread's tasks in [from, to) (trace µs): the longest by wall time and by the thread's own (CPU) time. */
export interface LongestTasks {
  /** Wall-clock ms of the longest task (what the Long Tasks API reports; includes time the OS gave others). */
  wall: number;
  /** Thread (CPU) ms of the task that used the most: what the page's own work costs, whatever the machine's load. */
  cpu: number;
  /** Tasks over 50 ms by wall time, and by thread time. */
  overWall: number;
  overCpu: number;
  tasks: number;
}

/** The longest main-thread tasks (`RunTask` events) that start in [from, to). */
export function longestTasks(events: TraceEvent[], from = -Infinity, to = Infinity): LongestTasks {
  const main = mainThread(events);
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && e.ts < to);
  const wall = tasks.map((t) => (t.dur ?? 0) / 1000);
  const cpu = tasks.map((t) => ((t as TraceEvent & { tdur?: number }).tdur ?? t.dur ?? 0) / 1000);
  return {
    wall: Math.max(0, ...wall),
    cpu: Math.max(0, ...cpu),
    overWall: wall.filter((d) => d > 50).length,
    overCpu: cpu.filter((d) => d > 50).length,
    tasks: tasks.length,
  };
}
