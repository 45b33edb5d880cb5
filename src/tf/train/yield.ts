/**
 * Gives the event loop one turn, so a worker sees pause/stop messages between steps. A resolved promise is not
 * enough (microtasks run before messages); setTimeout(0) is clamped to 4 ms when nested. setImmediate (Node) or
 * a MessageChannel post (browsers, workers) costs microseconds.
 */
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/** Resolves after the event loop has run its pending tasks. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
