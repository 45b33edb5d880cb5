/**
 * Compiles Python source with `python3 -m py_compile` (syntax only: tests never need TensorFlow). Where no python3
 * is on the PATH, `PYTHON_SKIP` says why, for `test(..., { skip: PYTHON_SKIP })`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });

/** false when python3 runs here; else the reason a test is skipped. */
export const PYTHON_SKIP: string | false =
  probe.status === 0 ? false : 'python3 is not available here, so the generated code cannot be compiled';

/** Compiles `source`; returns null when it compiles, else python's error text. */
export function pyCompile(source: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'nn-mathlets-py-'));
  try {
    const file = join(dir, 'notebook.py');
    writeFileSync(file, source);
    const run = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    return run.status === 0 ? null : `${run.stderr}${run.stdout}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
