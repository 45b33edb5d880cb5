import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEMICIRCLE_BEST,
  SEMICIRCLE_DEFAULT_POINT,
  isGold,
  semicircleTask,
} from '../../../src/data/index.js';
import { RandomState } from '../../../src/random/index.js';

/** The chain-rule network's forward pass: relu hidden layer, linear outputs, p = softmax(10·o). */
function goldProbability(x: number, y: number, p = SEMICIRCLE_BEST): { p: number; h: number[] } {
  const h = p.W1.map((w, i) => Math.max(0, w[0] * x + w[1] * y + p.b1[i]));
  const o = p.W2.map((w, k) => w[0] * h[0] + w[1] * h[1] + w[2] * h[2] + p.b2[k]);
  return { p: 1 / (1 + Math.exp(10 * (o[0] - o[1]))), h };
}

test('isGold is the half-disc x² + (y − 0.5)² < 0.25', () => {
  assert.equal(isGold(0, 0.5), true);
  assert.equal(isGold(0.49, 0.5), true);
  assert.equal(isGold(0.5, 0.5), false); // on the circle: purple
  assert.equal(isGold(0.2, 0.3), true);
  assert.equal(isGold(0.85, 0.15), false);
  assert.equal(isGold(0, 0), false);
});

test('semicircleTask: seeded points of the unit square, labelled by the half-disc rule', () => {
  const a = semicircleTask({ nSamples: 500, randomState: 3 });
  assert.deepEqual(a, semicircleTask({ nSamples: 500, randomState: 3 }));
  assert.equal(a.X.length, 500);
  assert.ok(a.X.every(([x, y]) => x >= 0 && x < 1 && y >= 0 && y < 1));
  assert.deepEqual(a.y, a.X.map(([x, y]) => (isGold(x, y) ? 1 : 0)));
  const gold = a.y.reduce<number>((s, v) => s + v, 0) / a.y.length;
  assert.ok(Math.abs(gold - Math.PI / 8) < 0.06, `gold share ${gold} near π/8`);
  // Drawn as numpy's RandomState(3).random_sample((500, 2)).
  assert.deepEqual(a.X.flat(), Array.from(new RandomState(3).randomSample(1000)));
  assert.equal(semicircleTask().X.length, 200);
  assert.throws(() => semicircleTask({ nSamples: -5 }), /nSamples must be a non-negative integer, got -5/);
});

test('SEMICIRCLE_BEST is HOMEWORK.md problem 13\'s "Show best", exactly, and frozen', () => {
  assert.deepEqual(SEMICIRCLE_BEST, {
    W1: [[0.590558, -0.601982], [0.456136, 0.624738], [0.014964, -0.0984904]],
    b1: [0.2060344, -0.45843987, -0.011948588],
    W2: [[0.524019, 0.698517, 0.0776159], [-0.503448, -0.663572, 0.0910801]],
    b2: [-0.15602404, 0.15596834],
  });
  assert.ok(Object.isFrozen(SEMICIRCLE_BEST) && Object.isFrozen(SEMICIRCLE_BEST.W1[0]) && Object.isFrozen(SEMICIRCLE_BEST.b2));
  assert.deepEqual(SEMICIRCLE_DEFAULT_POINT, [0.2, 0.3]);
});

test('with SEMICIRCLE_BEST, (0.2, 0.3) has units 2 and 3 dead and gold ≈ 0.838; ~98% of the square is right', () => {
  const { p, h } = goldProbability(SEMICIRCLE_DEFAULT_POINT[0], SEMICIRCLE_DEFAULT_POINT[1]);
  assert.ok(h[0] > 0 && h[1] === 0 && h[2] === 0);
  assert.ok(Math.abs(p - 0.838) < 0.001, `gold probability ${p}`);
  let right = 0;
  const n = 200;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = (i + 0.5) / n;
      const y = (j + 0.5) / n;
      if (goldProbability(x, y).p > 0.5 === isGold(x, y)) right++;
    }
  }
  const acc = right / (n * n);
  assert.ok(acc > 0.97 && acc < 0.99, `accuracy ${acc}`);
});
