// An in-memory stand-in for a Cache Storage cache that behaves like one where it matters here: put() reads the
// whole body and stores the entry only if the body completes; a body that errors stores nothing.
import type { Cifar10Cache } from '../../../src/data/cifar10/index.js';

export class FakeCache implements Cifar10Cache {
  readonly entries = new Map<string, { body: Uint8Array; headers: Headers }>();
  puts = 0;

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(String(request instanceof Request ? request.url : request));
    return entry ? new Response(entry.body.slice(), { headers: entry.headers }) : undefined;
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.puts++;
    const body = new Uint8Array(await response.arrayBuffer()); // rejects when the body stream errors
    this.entries.set(String(request instanceof Request ? request.url : request), { body, headers: response.headers });
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(String(request instanceof Request ? request.url : request));
  }
}
