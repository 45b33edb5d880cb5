// A test-server middleware that answers the way broken or hostile servers do, with the real CIFAR-10 files of
// ../shared/data/cifar10: a body cut short of its Content-Length, a Content-Length far above the body, a body longer
// than its Content-Length. Written on the raw socket, so the headers are exactly what a test asks for.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const CIFAR_DIR = resolve('..', 'shared', 'data', 'cifar10');
const PREFIX = '/http-faults/';

/**
 * `/http-faults/<kind>/<file>?…`, for a file of ../shared/data/cifar10:
 * - `cut?at=N&wait=ms`: declares the file's length, sends its first N bytes, then closes the connection (after
 *   `wait` ms: Chromium drops bytes it has not handed to the page yet when the connection fails);
 * - `declare?length=L`: declares L bytes (any text), sends the whole file, then closes;
 * - `longer?length=L`: declares L bytes and sends the whole file chunked, which Chromium reads past L;
 * - `encoded`: sends the file gzip-encoded, its Content-Length the encoded size, to any origin (CORS) without
 *   exposing Content-Encoding, as a CDN does: the page reads more bytes than the length it sees.
 */
export async function httpFaultsMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const [kind, name] = ctx.path.slice(PREFIX.length).split('/');
  let body;
  try {
    body = readFileSync(resolve(CIFAR_DIR, basename(name ?? '')));
  } catch {
    ctx.status = 404;
    return;
  }
  // The answer goes out on the socket; the status only tells the test server's log it was found.
  ctx.status = 200;
  ctx.respond = false;
  const socket = ctx.req.socket;
  const head = (headers) =>
    'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\nCache-Control: no-store\r\n' +
    `${headers}\r\n`;
  if (kind === 'cut') {
    const at = Number(ctx.query.at ?? body.length >> 1);
    socket.write(head(`Content-Length: ${body.length}\r\n`));
    socket.write(body.subarray(0, at));
    setTimeout(() => socket.end(), Number(ctx.query.wait ?? 0));
  } else if (kind === 'declare') {
    socket.write(head(`Content-Length: ${ctx.query.length}\r\n`));
    socket.end(body);
  } else if (kind === 'longer') {
    socket.write(head(`Content-Length: ${ctx.query.length}\r\nTransfer-Encoding: chunked\r\n`));
    for (let i = 0; i < body.length; i += 65536) {
      const piece = body.subarray(i, i + 65536);
      socket.write(`${piece.length.toString(16)}\r\n`);
      socket.write(piece);
      socket.write('\r\n');
    }
    socket.end('0\r\n\r\n');
  } else if (kind === 'encoded') {
    const encoded = gzipSync(body);
    socket.write(
      head(`Content-Length: ${encoded.length}\r\nContent-Encoding: gzip\r\nAccess-Control-Allow-Origin: *\r\n`),
    );
    socket.end(encoded);
  } else {
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  }
}
