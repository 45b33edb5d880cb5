/**
 * Page-wide settings for sites that host the library's files somewhere the elements cannot guess: where the
 * training worker and KaTeX's fonts are. Set them with `configure()` or, with no script at all (a Markdown page,
 * a strict Content-Security-Policy), with `<meta>` tags:
 *
 * ```html
 * <meta name="nn-mathlets:worker-url" content="/static/nn-mathlets/training.worker.js">
 * <meta name="nn-mathlets:font-base" content="/static/nn-mathlets/fonts/">
 * ```
 *
 * Settings live on `globalThis`, so two copies of the library on one page (a CDN build and a bundled one) agree.
 */
export interface NnSettings {
  /**
   * The training worker's script (`dist/training.worker.js`, `dist/cdn/training.worker.js` or a copy). By default
   * the elements load the one beside their own files; one on another origin is started through a small module
   * wrapper, as browsers refuse cross-origin worker scripts.
   */
  workerUrl?: string | URL;
  /** A folder holding KaTeX's woff2 fonts (`dist/cdn/fonts/`). By default they load from beside the library. */
  fontBase?: string | URL;
}

const KEY = Symbol.for('nn-mathlets.settings');
const META: Record<keyof NnSettings, string> = { workerUrl: 'nn-mathlets:worker-url', fontBase: 'nn-mathlets:font-base' };

function store(): NnSettings {
  const g = globalThis as { [KEY]?: NnSettings };
  return (g[KEY] ??= {});
}

/**
 * Sets page-wide settings (merged with earlier calls); set them before the first element needs them.
 *
 * @example
 * import { configure } from 'nn-mathlets/config';
 * configure({ workerUrl: '/static/nn-mathlets/training.worker.js' });
 */
export function configure(settings: NnSettings): void {
  Object.assign(store(), settings);
}

/** One setting: from `configure()`, else from its `<meta>` tag (resolved against the page), else undefined. */
export function setting(key: keyof NnSettings): string | undefined {
  const set = store()[key];
  if (set !== undefined) return String(set);
  const meta = globalThis.document?.querySelector<HTMLMetaElement>(`meta[name="${META[key]}"]`)?.content?.trim();
  return meta ? new URL(meta, document.baseURI).href : undefined;
}
