/**
 * A TrainingSession on this thread behind a MessageChannel: the same protocol, transfers and asynchrony as a
 * worker, for tests, Node and pages that cannot start workers. Loads TensorFlow.js on this thread.
 */
import type { RequestMessage } from './protocol.js';
import { TrainingSession } from './session.js';

/** Serves the protocol on `port` until the port is closed. */
export function hostSession(port: MessagePort): TrainingSession {
  const session = new TrainingSession((message, transfer = []) => port.postMessage(message, transfer));
  port.onmessage = (event: MessageEvent<RequestMessage>) => void session.handle(event.data);
  port.postMessage({ kind: 'event', event: { type: 'ready' } });
  return session;
}
