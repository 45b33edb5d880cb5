// Finds a Chromium for the browser tests and the story check. No test tool may download a browser here,
// so the machine's own is used: CHROME_PATH first, then the usual names.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  // Debian's /usr/bin/chromium is a wrapper script that prints a harmless warning; the binary behind it does not.
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
];

function which(name) {
  if (name.startsWith('/')) return existsSync(name) ? name : null;
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/** The Chromium to launch, or null when none is installed. */
export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  for (const name of CANDIDATES) {
    const found = which(name);
    if (found) return found;
  }
  return null;
}

/** One line: what is missing and how to install it. */
export const NO_CHROME_MESSAGE = process.env.CHROME_PATH
  ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist: point it at a Chromium, or unset it and install one (\`apt-get install chromium\` on Debian/Ubuntu).`
  : 'No Chromium found: install one (`apt-get install chromium` on Debian/Ubuntu) or set CHROME_PATH to its path.';

/** Flags for headless Chromium as root, with WebGPU and WebGL on the CPU (SwiftShader) so GPU paths are tested. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];
