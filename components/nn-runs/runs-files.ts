// Getting runs out of the page: downloads of the exports, a timestamp for file names, a share link on the clipboard.
import { runFolderName, runsToCsv, runsToJson, shareLink, tensorBoardZip, SHARE_LINK_LIMIT, type RunRecord } from '../../src/runs/index.js';

/** Starts a download of `data` as `name` (an object URL on a link clicked in code, released after). */
export function download(name: string, data: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `2026-11-26-1530`: when a file was made, for its name. */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** Puts `text` on the clipboard; false where the page may not (no permission, an insecure origin). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Downloads `runs` as a zip of a TensorBoard log directory; resolves with its bytes. */
export async function downloadZip(runs: readonly RunRecord[]): Promise<Uint8Array> {
  const zip = await tensorBoardZip(runs);
  download(`nn-mathlets-runs-${stamp()}.zip`, zip, 'application/zip');
  return zip;
}

/** Downloads `runs` as CSV; returns the text. */
export function downloadCsv(runs: readonly RunRecord[]): string {
  const csv = runsToCsv(runs);
  download(`nn-mathlets-runs-${stamp()}.csv`, csv, 'text/csv');
  return csv;
}

/** Downloads `runs` as the JSON file that import reads back; returns the text. */
export function downloadJson(runs: readonly RunRecord[]): string {
  const json = runsToJson(runs);
  const one = runs.length === 1 ? runFolderName(runs[0].name) : 'runs';
  download(`nn-mathlets-${one}-${stamp()}.json`, json, 'application/json');
  return json;
}

/** Makes a link to `href` that reopens `runs` and copies it; says what happened, or why the link is too long. */
export async function copyShareLink(runs: readonly RunRecord[], href: string): Promise<{ url?: string; status: string; tooLong: boolean }> {
  const link = await shareLink(runs, href);
  const n = (v: number) => v.toLocaleString('en');
  if (!link.fits)
    return {
      tooLong: true,
      status: `These runs make a link of ${n(link.length)} characters, more than the ${n(SHARE_LINK_LIMIT)} that browsers, chat apps and e-mail keep intact. Share the JSON file instead, or show fewer runs.`,
    };
  const thinned = link.points < Infinity ? ` Long runs are in it at ${link.points} points each.` : '';
  const hist = link.histograms ? ' With weight histograms.' : '';
  const copied = await copyText(link.url);
  return {
    url: link.url,
    tooLong: false,
    status: copied ? `Link copied (${n(link.length)} characters).${thinned}${hist}` : `The browser did not let the page copy; here is the link to copy by hand: ${link.url}`,
  };
}
