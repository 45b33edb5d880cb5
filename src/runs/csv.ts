/** Runs as one CSV table, a row per run, tag and epoch: what a spreadsheet or pandas reads. */
import type { RunRecord } from './types.js';

/** The header of {@link runsToCsv}. */
export const CSV_COLUMNS = ['run', 'tag', 'epoch', 'step', 'wall_time', 'value'] as const;

/**
 * Quotes a field when it holds a comma, quote or line break (RFC 4180); a field a spreadsheet would run as a
 * formula (starting with =, +, -, @) gets a leading apostrophe.
 */
function field(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * `run,tag,epoch,step,wall_time,value`: epoch from 1 (as Keras prints), step from 0 (as the event files hold),
 * wall time in seconds since 1970 (as TensorBoard's CSV download), value in full precision (NaN written as NaN).
 */
export function runsToCsv(runs: readonly RunRecord[]): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const run of runs) {
    const name = field(run.name);
    for (const [tag, series] of Object.entries(run.scalars)) {
      const t = field(tag);
      for (let i = 0; i < series.length; i++) {
        const epoch = run.epochs?.[i] ?? i + 1;
        const ms = run.times?.[i];
        const wall = ms !== undefined && Number.isFinite(ms) ? String((run.startedAt + ms) / 1000) : '';
        lines.push(`${name},${t},${epoch},${epoch - 1},${wall},${String(series[i])}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
