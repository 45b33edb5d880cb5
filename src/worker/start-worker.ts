/**
 * Starts a module worker from a script URL the way a course page needs it:
 * - on another origin (a CDN), through a one-line module wrapper from a blob URL that imports the script, since
 *   browsers refuse a cross-origin worker script but let a module import one that is served with CORS;
 * - under Trusted Types (`require-trusted-types-for 'script'`), through one named policy, `nn-mathlets`, which
 *   passes only the URL the library has just computed here.
 */

/** The Trusted Types policy name a site lists in its `trusted-types` directive. */
export const TRUSTED_TYPES_POLICY = 'nn-mathlets';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

let policy: ScriptUrlPolicy | null | undefined;
/** The one URL the policy passes, set only while a worker is being started. */
let expected: string | undefined;

/** `href` as the page's Trusted Types need it: a TrustedScriptURL from the library's policy, or the string. */
function scriptUrl(href: string): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (policy === undefined) {
    try {
      policy = tt?.createPolicy
        ? tt.createPolicy(TRUSTED_TYPES_POLICY, {
            createScriptURL(url) {
              if (url !== expected) throw new TypeError(`${TRUSTED_TYPES_POLICY} passes only the training worker's URL`);
              return url;
            },
          })
        : null;
    } catch {
      // The page's `trusted-types` directive does not list the policy; without enforcement a string still works,
      // and with it the Worker constructor below says what is wrong.
      policy = null;
    }
  }
  if (!policy) return href;
  expected = href;
  try {
    // A TrustedScriptURL, which the Worker constructor takes where a string is refused.
    return policy.createScriptURL(href) as string;
  } finally {
    expected = undefined;
  }
}

/** True when `href` is on another origin than the page (blob: and data: URLs belong to the page). */
function crossOrigin(href: string): boolean {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!origin || origin === 'null') return false;
  const url = new URL(href);
  return url.protocol !== 'blob:' && url.protocol !== 'data:' && url.origin !== origin;
}

/** A module worker running the script at `url` (absolute, or relative to the page); see the file's comment. */
export function startModuleWorker(url: string | URL, name: string): Worker {
  const base = (globalThis as { document?: { baseURI?: string }; location?: { href?: string } });
  const href = new URL(String(url), base.document?.baseURI ?? base.location?.href).href;
  const options: WorkerOptions = { type: 'module', name };
  try {
    if (!crossOrigin(href)) return new Worker(scriptUrl(href), options);
    const wrapper = URL.createObjectURL(new Blob([`import ${JSON.stringify(href)};\n`], { type: 'text/javascript' }));
    try {
      return new Worker(scriptUrl(wrapper), options);
    } finally {
      // The worker holds the blob from its construction on (the URL's entry is resolved when it is parsed).
      URL.revokeObjectURL(wrapper);
    }
  } catch (e) {
    if (e instanceof TypeError && /TrustedScriptURL/i.test(e.message)) {
      throw new TypeError(
        `The page's Trusted Types refuse the training worker's URL: list '${TRUSTED_TYPES_POLICY}' in its trusted-types directive (${e.message})`,
      );
    }
    throw e;
  }
}
