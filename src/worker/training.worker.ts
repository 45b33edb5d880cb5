/**
 * The training worker's entry: a module worker that serves the protocol (protocol.ts) with a TrainingSession.
 * Loaded by `createTrainingWorker()`; TensorFlow.js and WebGPU live here, off the page's main thread.
 */
import type { RequestMessage, WorkerMessage } from './protocol.js';
import { TrainingSession } from './session.js';

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib has DOM types, not WebWorker's). */
interface WorkerScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RequestMessage>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const session = new TrainingSession((message, transfer = []) => scope.postMessage(message, transfer));
scope.addEventListener('message', (event) => void session.handle(event.data));
scope.postMessage({ kind: 'event', event: { type: 'ready' } }, []);
