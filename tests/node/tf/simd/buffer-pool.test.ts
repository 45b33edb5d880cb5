// The fast CPU backend's pool of output arrays: it hands back what was released (same size), never an array a
// tensor's data still views or holds twice, and lets everything go after a quiet spell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferPool } from '../../../../src/tf/backend/simd/buffer-pool.js';

const N = 20000;

test('a released array is handed out again for the same size, not for another', () => {
  const pool = new BufferPool();
  const a = pool.take(N);
  pool.noteStored(a);
  pool.release(a);
  assert.equal(pool.pooled, N);
  assert.notEqual(pool.take(N + 8), a);
  assert.equal(pool.take(N), a);
  assert.equal(pool.pooled, 0);
});

test('small arrays and arrays it did not make are never pooled', () => {
  const pool = new BufferPool();
  const small = pool.take(100);
  pool.release(small);
  pool.release(new Float32Array(N));
  assert.equal(pool.pooled, 0);
});

test('an array viewed by other data, or stored twice, is let go instead of recycled', () => {
  const pool = new BufferPool();
  const viewed = pool.take(N);
  pool.noteStored(viewed);
  pool.noteStored(viewed.subarray(10, 500));
  assert.equal(pool.owns(viewed), false);
  pool.release(viewed);
  const twice = pool.take(N);
  pool.noteStored(twice);
  pool.noteStored(twice);
  pool.release(twice);
  assert.equal(pool.pooled, 0);
});

test('takeZeroed gives zeros even from a used array', () => {
  const pool = new BufferPool();
  const a = pool.take(N).fill(7);
  pool.noteStored(a);
  pool.release(a);
  const z = pool.takeZeroed(N);
  assert.equal(z, a);
  assert.ok(z.every((v) => v === 0));
});

test('after a quiet spell the pool lets its arrays go', async () => {
  const pool = new BufferPool(30);
  const a = pool.take(N);
  pool.noteStored(a);
  pool.release(a);
  assert.equal(pool.pooled, N);
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(pool.pooled, 0);
});
