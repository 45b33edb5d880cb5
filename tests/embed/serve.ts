// A small static server for the embedding tests: folders mounted at URL prefixes, extra headers on every
// response (CORS for a CDN, a Content-Security-Policy for a strict site), redirects, on a free port.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'puppeteer-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface StaticSite {
  /** URL prefix → folder. */
  mounts: Record<string, string>;
  /** URL → page text, served as HTML (or by its extension). */
  pages?: Record<string, string>;
  /** URL → where it redirects (302), as a CDN resolves a bare package URL. */
  redirects?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface Served {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export async function serve(site: StaticSite): Promise<Served> {
  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(site.headers ?? {})) res.setHeader(k, v);
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (site.redirects?.[path]) {
      res.statusCode = 302;
      res.setHeader('Location', site.redirects[path]);
      res.end();
      return;
    }
    if (site.pages?.[path] !== undefined) {
      res.setHeader('Content-Type', TYPES[extname(path)] ?? TYPES['.html']);
      res.end(site.pages[path]);
      return;
    }
    const prefix = Object.keys(site.mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    const root = prefix !== undefined ? site.mounts[prefix] : undefined;
    const file = root ? normalize(join(root, path.slice(prefix!.length))) : '';
    if (!root || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', statSync(file).size);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Collects what a page reports as wrong: console errors, uncaught exceptions, failed requests, CSP violations. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${String(e)}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return errors;
}
