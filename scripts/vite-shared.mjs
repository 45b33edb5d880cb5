// Vite settings shared by `npm start` (the course) and the static course build.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve, normalize } from 'node:path';

const SHARED_DATA = resolve('..', 'shared', 'data');

/** Serves the CIFAR-10 subset from ../shared/data at /shared-data/, as a course site would host it. */
export function sharedDataPlugin() {
  return {
    name: 'nn-shared-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        if (url === '/' || url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/content/');
          res.end();
          return;
        }
        if (!url.startsWith('/shared-data/')) return next();
        const file = normalize(resolve(SHARED_DATA, '.' + decodeURIComponent(url.slice('/shared-data'.length))));
        if (!file.startsWith(SHARED_DATA) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
  };
}

export const optimizeDeps = {
  // TensorFlow.js's ESM build imports CommonJS packages; Vite pre-bundles them. Lit is listed so one copy loads.
  include: [
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-backend-webgpu',
    'lit',
    'lit/decorators.js',
    'lit/directives/class-map.js',
    'lit/directives/style-map.js',
    '@lit/context',
    '@lit/task',
    'katex',
  ],
};

/**
 * A Vite dev server over the repository (the course, the elements, the engine), listening: what `npm start`, the
 * course check and the browser benchmarks each load pages from. `entries` are the HTML files whose imports Vite
 * pre-bundles up front; `production` resolves packages' production builds (for benchmarks).
 */
export async function startViteServer({ entries, port = 0, host = '127.0.0.1', logLevel = 'error', production = false }) {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    appType: 'mpa',
    logLevel,
    clearScreen: false,
    server: { port, strictPort: false, host },
    optimizeDeps: { ...optimizeDeps, entries },
    // Benchmarks load Lit's production build, as the built library does (npm run build bundles it): its
    // development build checks and logs on every render, and would be timed instead of what students run.
    ...(production ? { resolve: { conditions: ['module', 'browser', 'production'] }, cacheDir: 'node_modules/.vite-production' } : {}),
    plugins: [sharedDataPlugin()],
  });
  await server.listen();
  return server;
}
