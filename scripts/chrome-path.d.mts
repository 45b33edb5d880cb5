// Types of chrome-path.mjs, for the TypeScript tests that start a browser themselves.
/** The Chromium to run: CHROME_PATH, else the first one found on this machine; null when there is none. */
export function findChrome(): string | null;
/** The one line printed when no Chromium is found. */
export const NO_CHROME_MESSAGE: string;
/** Chromium's flags for headless runs here (WebGPU and WebGL on SwiftShader). */
export const CHROME_ARGS: string[];
