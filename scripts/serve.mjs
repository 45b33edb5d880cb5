// `npm start`: serves the course (content/) with every element, through Vite, and prints where.
import { startViteServer } from './vite-shared.mjs';

const port = Number(process.env.PORT ?? 5173);
const server = await startViteServer({
  entries: ['content/**/*.html'],
  port,
  host: process.env.HOST ?? 'localhost',
  logLevel: 'warn',
});
const url = server.resolvedUrls?.local?.[0] ?? `http://localhost:${port}/`;
console.log(`\n  nn-mathlets course: ${url}content/\n  (Ctrl+C to stop)\n`);
