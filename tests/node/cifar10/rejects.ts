// What the CIFAR-10 load tests assert about a failure: its class, its code, and what its message says.
import assert from 'node:assert/strict';
import { Cifar10Error } from '../../../src/data/cifar10/index.js';

/** Asserts `promise` rejects with a Cifar10Error of `code` whose message matches every pattern. */
export async function rejectsWith(promise: Promise<unknown>, code: string, ...patterns: RegExp[]): Promise<Cifar10Error> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Cifar10Error, `expected a Cifar10Error, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    for (const p of patterns) assert.match(err.message, p);
    return err;
  }
  assert.fail(`expected a ${code} error`);
}
