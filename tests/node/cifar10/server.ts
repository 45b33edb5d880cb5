// A local HTTP server for the load tests: each route is a handler, so a test can answer with an error status,
// an HTML page, a body without Content-Length, a body cut short, or one that stalls until aborted.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` with Content-Length, in pieces of `piece` bytes, each its own write. */
export function sendBytes(body: Uint8Array, headers: Record<string, string> = {}, piece = 16 * 1024): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length, ...headers });
    for (let i = 0; i < body.length; i += piece) res.write(body.subarray(i, i + piece));
    res.end();
  };
}

/** Sends `body` chunked (no Content-Length), in pieces of `piece` bytes. */
export function sendChunked(body: Uint8Array, piece: number): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    for (let i = 0; i < body.length; i += piece) res.write(body.subarray(i, i + piece));
    res.end();
  };
}

/**
 * Writes the response on the raw socket, headers exactly as given (a Content-Length that lies, say), then the body
 * and the end of the connection: what Node's server would refuse to send.
 */
export function sendRaw(headers: Record<string, string | number>, body: Uint8Array): Route {
  return (req) => {
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    req.socket.write(`HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/octet-stream\r\n${head}\r\n`);
    req.socket.end(body);
  };
}
