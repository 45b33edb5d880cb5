import assert from 'node:assert/strict';

/** Asserts |actual − expected| ≤ tol · max(1, |expected|): float64 results of formulas written two ways. */
export function assertClose(actual: number, expected: number, tol = 1e-12, label = ''): void {
  const err = Math.abs(actual - expected);
  assert.ok(
    err <= tol * Math.max(1, Math.abs(expected)),
    `${label} expected ${expected}, got ${actual} (difference ${err})`,
  );
}

/** Asserts that values never rise (or never fall) along the steps given. */
export function assertMonotone(values: number[], direction: 'down' | 'up', label = ''): void {
  for (let i = 1; i < values.length; i++) {
    const ok = direction === 'down' ? values[i] <= values[i - 1] : values[i] >= values[i - 1];
    assert.ok(ok, `${label} not ${direction === 'down' ? 'non-increasing' : 'non-decreasing'} at index ${i}: ${values[i - 1]} then ${values[i]}`);
  }
}

/** 0, 1, …, n − 1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
