/**
 * A TrainingSession on this thread behind a MessageChannel: the same protocol, transfers and asynchrony as a
 * worker, for tests, Node and pages that cannot start workers. Loads TensorFlow.js on this thread.
 */
import { TrainingClient, type Endpoint } from './client.js';
import type { RequestMessage } from './protocol.js';
import { TrainingSession } from './session.js';

/** Serves the protocol on `port` until the port is closed. */
export function hostSession(port: MessagePort): TrainingSession {
  const session = new TrainingSession((message, transfer = []) => port.postMessage(message, transfer));
  port.onmessage = (event: MessageEvent<RequestMessage>) => void session.handle(event.data);
  port.postMessage({ kind: 'event', event: { type: 'ready' } });
  return session;
}

/**
 * A client of a session on this thread (same protocol, through a MessageChannel). Loads TensorFlow.js here; for
 * tests, Node and pages that cannot start a worker. It lives apart from TrainingClient (and is exported from
 * `nn-mathlets/tf` only) so that the elements' code never refers to TensorFlow.js, even through a lazy import:
 * a site's bundler would otherwise need TensorFlow.js installed to build a page that never trains with it.
 */
export function inProcessClient(): TrainingClient {
  const channel = new MessageChannel();
  const session = hostSession(channel.port2);
  const port = channel.port1;
  const endpoint: Endpoint = {
    postMessage: (m, t) => port.postMessage(m, t),
    addEventListener: (type: string, listener: (event: never) => void) =>
      port.addEventListener(type as 'message', listener as (event: MessageEvent) => void),
    // Terminating stops the session too: on this thread nothing else would end its run.
    close: () => {
      session.close();
      port.close();
      channel.port2.close();
    },
  };
  const client = new TrainingClient(endpoint);
  port.start();
  return client;
}
