// The labs' readouts built on the engine: the backprop walk-through's numbers, the gradient by depth, and the
// words and counts under a run (judgement, sparsity, weight histogram).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sequential, gradients } from '../../../src/nn/index.js';
import { backpropPass, gradientByDepth, judgeRun, sparsity, weightHistogram } from '../../../src/labs/index.js';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

for (const activation of ['sigmoid', 'tanh', 'relu', 'leaky_relu'] as const) {
  test(`backpropPass (${activation}): δ = ∂L/∂a ⊙ f′(z), ∂L/∂W = a_prev δᵀ, and the engine's gradients`, () => {
    const model = Sequential.fromSpec({ inputShape: [2], seed: 5, layers: [{ type: 'dense', units: 3, activation }, { type: 'dense', units: 1, activation: 'sigmoid' }] });
    const x = [0.4, -0.7];
    for (const y of [0, 1]) {
      const p = backpropPass(model, x, y);
      const [h, out] = p.layers;
      close(out.delta[0], out.a[0] - y); // sigmoid + cross-entropy
      h.delta.forEach((d, i) => close(d, h.dA[i] * h.fPrime[i]));
      const g = gradients(model, x, y, { loss: 'binary_crossentropy' });
      p.layers.forEach((l, k) => {
        const prev = k === 0 ? p.x : p.layers[k - 1].a;
        l.dW.forEach((row, i) => row.forEach((v, j) => {
          close(v, g[k].kernel[i * l.delta.length + j]);
          close(v, prev[i] * l.delta[j]);
        }));
      });
      close(p.loss, -(y * Math.log(out.a[0]) + (1 - y) * Math.log(1 - out.a[0])), 1e-9);
    }
  });
}

test('gradientByDepth: the sigmoid’s gradient vanishes towards the input, ReLU’s (He) does not', () => {
  const sig = gradientByDepth({ activation: 'sigmoid', depth: 10 });
  const relu = gradientByDepth({ activation: 'relu', depth: 10, initializer: 'he_normal' });
  assert.equal(sig.length, 10);
  assert.ok(sig[0] / sig[9] < 1e-4, `sigmoid ratio ${sig[0] / sig[9]}`);
  assert.ok(relu[0] / relu[9] > 0.1, `relu ratio ${relu[0] / relu[9]}`);
  assert.deepEqual(gradientByDepth({ activation: 'tanh', depth: 4, seed: 3 }), gradientByDepth({ activation: 'tanh', depth: 4, seed: 3 }));
  assert.throws(() => gradientByDepth({ activation: 'relu', depth: 0 }), /depth/);
});

test('judgeRun prints the notebook’s line and judges the gap', () => {
  const j = judgeRun({ trainAccuracy: 0.87, validationAccuracy: 0.87, testAccuracy: 0.87 }, true);
  assert.equal(j.line, 'Train: 0.87, Test: 0.87');
  assert.equal(j.judgement, 'fits');
  const o = judgeRun({ trainAccuracy: 0.96, validationAccuracy: 0.81, testAccuracy: 0.745 }, false);
  assert.equal(o.line, 'Train: 0.96, Validation: 0.81, Test: 0.74');
  assert.equal(o.judgement, 'overfits');
  assert.match(o.sentence, /0\.15 above validation/);
  assert.equal(judgeRun({ trainAccuracy: 0.52, validationAccuracy: 0.5, testAccuracy: 0.45 }, false).judgement, 'one-class');
  assert.equal(judgeRun({ trainAccuracy: 0.9, validationAccuracy: 0.855, testAccuracy: 0.8 }, false).judgement, 'slightly');
});

test('sparsity and the weight histogram', () => {
  const w = [0, 0.001, -0.005, 0.5, -1, 0.02];
  assert.deepEqual(sparsity(w), { zeroFraction: 0.5, threshold: 0.01, zero: 3, total: 6 });
  const h = weightHistogram(w, 4);
  assert.deepEqual(h.edges, [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(h.counts, [1, 1, 3, 1]);
  assert.equal(h.counts.reduce((a, b) => a + b), w.length);
  assert.deepEqual(weightHistogram([], 3).counts, [0, 0, 0]);
});
