import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as core from '../../src/core.js';

test('nn-mathlets/core loads in Node without a DOM', () => {
  assert.equal(typeof core, 'object');
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
});
