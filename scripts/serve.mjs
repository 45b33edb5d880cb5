// `npm start`: serves the course (content/) with every element, through Vite, and prints where.
import { createServer } from 'vite';
import { sharedDataPlugin, optimizeDeps } from './vite-shared.mjs';

const port = Number(process.env.PORT ?? 5173);
const server = await createServer({
  configFile: false,
  root: '.',
  appType: 'mpa',
  logLevel: 'warn',
  clearScreen: false,
  server: { port, strictPort: false, host: process.env.HOST ?? 'localhost' },
  optimizeDeps: { ...optimizeDeps, entries: ['content/**/*.html'] },
  plugins: [sharedDataPlugin()],
});
await server.listen();
const url = server.resolvedUrls?.local?.[0] ?? `http://localhost:${port}/`;
console.log(`\n  nn-mathlets course: ${url}content/\n  (Ctrl+C to stop)\n`);
