// Models of one architecture share their inference and gradient workspaces (a page rebuilds its model on every
// slider move): each call must still see its own model's weights, however the calls interleave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sequential, dense, predict, gradients, decisionGrid } from '../../../src/nn/index.js';

const build = (seed: number) =>
  sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], {
    inputShape: [2],
    seed,
  });

test('two models of one architecture keep their own answers when their calls interleave', () => {
  const X = [[0.2, 0.3], [0.85, 0.15], [-0.4, 0.9]];
  const a = build(1);
  const b = build(2);
  const alone = { a: Array.from(predict(a, X)), b: Array.from(predict(b, X)) };
  assert.notDeepEqual(alone.a, alone.b);
  const grid = { xRange: [0, 1] as const, yRange: [0, 1] as const, resolution: 16 };
  const gridA = Array.from(decisionGrid(a, grid));
  const gridB = Array.from(decisionGrid(b, grid));
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(Array.from(predict(a, X)), alone.a);
    assert.deepEqual(Array.from(decisionGrid(b, grid)), gridB);
    assert.deepEqual(Array.from(predict(b, X)), alone.b);
    assert.deepEqual(Array.from(decisionGrid(a, grid)), gridA);
  }
  const ga = gradients(a, [0.2, 0.3], [0, 1], { loss: 'mean_squared_error' });
  gradients(b, [0.2, 0.3], [0, 1], { loss: 'mean_squared_error' });
  assert.deepEqual(
    gradients(a, [0.2, 0.3], [0, 1], { loss: 'mean_squared_error' }).map((g) => Array.from(g.kernel)),
    ga.map((g) => Array.from(g.kernel)),
  );
});
