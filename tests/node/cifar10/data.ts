// Paths to the real CIFAR-10 files: ../shared/data/cifar10 beside the checkout, here and in CI.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CIFAR_DIR = resolve(REPO_ROOT, '..', 'shared', 'data', 'cifar10');

/** A file of ../shared/data/cifar10 as bytes. */
export function readCifar(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(resolve(CIFAR_DIR, name)));
}

/** An `*_index.txt` file: one `{ record, original, label, name }` per record. */
export function readIndex(name: string): { record: number; original: number; label: number; name: string }[] {
  return readFileSync(resolve(CIFAR_DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [record, original, label, className] = line.trim().split(/\s+/);
      return { record: Number(record), original: Number(original), label: Number(label), name: className };
    });
}
