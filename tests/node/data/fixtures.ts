/** Loads the scikit-learn/numpy reference fixtures (written by tests/fixtures/make_sklearn_fixtures.py). */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const DIR = new URL('../../fixtures/sklearn/', import.meta.url);

/** Parses a fixture file, turning the "NaN" strings back into NaN. */
export function loadFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8'), (_k, v) => (v === 'NaN' ? NaN : v)) as T;
}

/** Asserts two numbers agree within `tol` absolutely (NaN equals NaN). */
export function assertClose(actual: number, expected: number, tol: number, where: string): void {
  if (Number.isNaN(expected) && Number.isNaN(actual)) return;
  assert.ok(Math.abs(actual - expected) <= tol, `${where}: ${actual} vs ${expected} (diff ${actual - expected} > ${tol})`);
}

/** Asserts two matrices have the same shape and agree within `tol`. */
export function assertMatrixClose(
  actual: ArrayLike<ArrayLike<number>>,
  expected: ArrayLike<ArrayLike<number>>,
  tol: number,
  where: string,
): void {
  assert.equal(actual.length, expected.length, `${where}: row count`);
  for (let i = 0; i < expected.length; i++) {
    assert.equal(actual[i].length, expected[i].length, `${where}: width of row ${i}`);
    for (let j = 0; j < expected[i].length; j++) assertClose(actual[i][j], expected[i][j], tol, `${where}[${i}][${j}]`);
  }
}
