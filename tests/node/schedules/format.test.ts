/**
 * Numbers and calls as KaTeX and Python: what the formulas and the exported code are made of.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyCall, pyFloat, pyStr, texNumber } from '../../../src/schedules/format.js';

test('texNumber: 6 significant digits, whole numbers exact, powers of ten below 1e-4', () => {
  assert.equal(texNumber(0.1 + 0.2), '0.3');
  assert.equal(texNumber(123456789), '123456789');
  assert.equal(texNumber(0.0001), '0.0001');
  assert.equal(texNumber(0.00001), '10^{-5}');
  assert.equal(texNumber(2.5e-7), '2.5 \\times 10^{-7}');
  assert.equal(texNumber(-3e-5), '-3 \\times 10^{-5}');
  assert.equal(texNumber(1e21), '10^{21}');
  assert.equal(texNumber(0), '0');
});

test('pyFloat keeps floats floats; pyStr escapes; pyCall wraps past the width', () => {
  assert.deepEqual([1, 0.5, 1e-7, 100, -2].map(pyFloat), ['1.0', '0.5', '1e-7', '100.0', '-2.0']);
  assert.equal(pyStr("it's a \\ test\n"), "'it\\'s a \\\\ test\\n'");
  assert.equal(pyCall('f', ['a=1', 'b=2']), 'f(a=1, b=2)');
  assert.equal(pyCall('f', ['a=1', 'b=2'], '  ', 8), 'f(\n      a=1,\n      b=2,\n  )');
  assert.equal(pyCall('f', []), 'f()');
});
