// The package as a site gets it: built, packed by npm and unpacked, once per `npm test` (scripts/test.mjs builds
// and packs before this stage; a test file run alone does it itself).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const EMBED_DIR = resolve('.tmp/embed');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
/** The tarball `npm pack` writes. */
export const TARBALL = join(EMBED_DIR, `${pkg.name}-${pkg.version}.tgz`);
/** The tarball unpacked: what `node_modules/nn-mathlets` holds on a site. */
export const PACKAGE_DIR = join(EMBED_DIR, 'package');

/** Builds dist/ and packs it, unless this run of the suite already did. */
export function ensurePacked(): void {
  if (existsSync(TARBALL) && existsSync(join(PACKAGE_DIR, 'package.json'))) return;
  pack();
}

/** Builds dist/, packs it into .tmp/embed and unpacks it into .tmp/embed/package. */
export function pack(): void {
  mkdirSync(EMBED_DIR, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', EMBED_DIR], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', EMBED_DIR]);
}

if (process.argv[1]?.endsWith('packed.ts') || process.argv.includes('--pack')) pack();
