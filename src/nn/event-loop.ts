// A turn of the event loop, for work that runs in slices: training steps, and elements' large computations.

/**
 * Gives the event loop a turn with a plain macrotask. Not scheduler.yield(): its continuation runs ahead of the
 * page's timers and painting, so a long run starved them (a 100 ms timer waited for a 1,000-epoch run to end).
 */
export function yieldToEventLoop(): Promise<void> {
  const si = (globalThis as { setImmediate?: (cb: () => void) => unknown }).setImmediate;
  // Node: setImmediate runs after I/O without setTimeout's 1 ms floor.
  if (typeof si === 'function') return new Promise((r) => si(r));
  if (typeof MessageChannel !== 'undefined') {
    // Browsers clamp nested setTimeout to 4 ms; a message is a macrotask without that clamp. One channel serves
    // every yield (a new channel per yield cost more than the message).
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    const ch = channel;
    return new Promise((r) => {
      waiting.push(r);
      ch.port2.postMessage(null);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];
