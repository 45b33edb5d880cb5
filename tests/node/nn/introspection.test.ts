/**
 * Introspection: trace, inputGradient (against finite differences), chainRulePaths (their products sum to the
 * input gradient, for random networks of several depths and activations), dead units, gradient norms, and the
 * decision grid — including the chain-rule network of problem 13 with its published parameters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import {
  chainRulePaths,
  compile,
  deadUnits,
  deadUnitsOn,
  decisionGrid,
  dense,
  gradients,
  inputGradient,
  layerGradientNorms,
  predict,
  sequential,
  sgd,
  trace,
  type ActivationSpec,
  type Sequential,
} from '../../../src/core.js';
import { assertClose, randomizeWeights, randomRows } from './helpers.js';

/** The chain-rule network of problem 13: (x, y) → 3 ReLU → 2 linear logits o → softmax(10·o); o1 is gold. */
function semicircleNet(): Sequential {
  const model = sequential(
    [dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })],
    { inputShape: [2] },
  );
  // HOMEWORK.md gives W1 as [unit][input] and W2 as [output][unit]; Keras kernels are [in][out].
  const W1 = [[0.590558, -0.601982], [0.456136, 0.624738], [0.014964, -0.0984904]];
  const b1 = [0.2060344, -0.45843987, -0.011948588];
  const W2 = [[0.524019, 0.698517, 0.0776159], [-0.503448, -0.663572, 0.0910801]];
  const b2 = [-0.15602404, 0.15596834];
  const T = (m: number[][]) => m[0].map((_, c) => m.map((row) => row[c]));
  model.setWeights([T(W1), b1, T(W2), b2]);
  return model;
}

test('trace gives z = W·a + b and a = f(z) layer by layer', () => {
  const model = semicircleNet();
  const t = trace(model, [0.2, 0.3]);
  assert.equal(t.layers.length, 2);
  assertClose(t.layers[0].z, [0.590558 * 0.2 - 0.601982 * 0.3 + 0.2060344, 0.456136 * 0.2 + 0.624738 * 0.3 - 0.45843987, 0.014964 * 0.2 - 0.0984904 * 0.3 - 0.011948588], 1e-12, 1e-15, 'z1');
  assertClose(t.layers[0].a, t.layers[0].z.map((v) => Math.max(0, v)), 0, 0, 'a1');
  assert.equal(t.output, t.layers[1].a);
  assertClose(t.input, [0.2, 0.3], 0, 0, 'input');
});

test('chain-rule network at (0.2, 0.3): units 2 and 3 dead, gold probability ≈ 0.838', () => {
  const model = semicircleNet();
  assert.deepEqual(deadUnits(model, [0.2, 0.3]), [[false, true, true]]);
  const p = predict(model, [[0.2, 0.3]]);
  assert.ok(Math.abs(p[1] - 0.838) < 0.001, `gold probability ${p[1]}`);
  assert.ok(Math.abs(p[0] + p[1] - 1) < 1e-12);
});

test('chain-rule network classifies about 98% of the unit square (decisionGrid agrees with predict)', () => {
  const model = semicircleNet();
  const res = 200;
  const grid = decisionGrid(model, { xRange: [0, 1], yRange: [0, 1], resolution: res });
  let right = 0;
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const x = (c + 0.5) / res;
      const y = 1 - (r + 0.5) / res; // row 0 is the top (y max)
      const gold = x * x + (y - 0.5) ** 2 < 0.25;
      if (grid[r * res + c] > 0.5 === gold) right++;
    }
  }
  const acc = right / (res * res);
  assert.ok(acc > 0.97 && acc < 0.995, `accuracy ${acc}`);
  // Spot-check the orientation against predict: top-left cell is (x small, y large).
  const p = predict(model, [[0.5 / res, 1 - 0.5 / res]]);
  assert.ok(Math.abs(grid[0] - p[1]) < 1e-6);
  const q = predict(model, [[1 - 0.5 / res, 0.5 / res]]);
  assert.ok(Math.abs(grid[res * res - 1] - q[1]) < 1e-6);
});

test('chain-rule network at (0.85, 0.15): paths from x to the gold logit, labelled, summing to the gradient', () => {
  const model = semicircleNet();
  const x = [0.85, 0.15];
  const paths = chainRulePaths(model, x, 0, 1);
  assert.equal(paths.length, 3);
  const live = paths.filter((p) => !p.deadAt);
  const dead = deadUnits(model, x)[0];
  assert.equal(live.length, dead.filter((d) => !d).length);
  for (const p of paths) {
    assert.equal(p.factors.length, 3);
    assert.deepEqual(p.factors.map((f) => f.kind), ['weight', 'activation-derivative', 'weight']);
    const j = p.units[0];
    assert.equal(p.factors[0].tex, `w^{(1)}_{${j},0}`);
    assert.equal(p.factors[0].label, `w¹${'₀₁₂'[j]}₀`);
    assert.equal(p.factors[2].tex, `w^{(2)}_{1,${j}}`);
    assert.equal(p.factors[1].label, `relu′(z¹${'₀₁₂'[j]})`);
    assert.equal(p.factors[0].value, model.layers[0].kernel[0 * 3 + j]);
    assert.equal(p.factors[2].value, model.layers[1].kernel[j * 2 + 1]);
    if (p.deadAt) {
      assert.equal(p.product, 0);
      assert.deepEqual(p.deadAt, { layer: 0, unit: j });
    }
  }
  const sum = paths.reduce((s, p) => s + p.product, 0);
  assert.ok(Math.abs(sum - inputGradient(model, x, 1, { of: 'logit' })[0]) < 1e-15);
});

const ACTS: ActivationSpec[] = ['relu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'softplus', 'linear'];

test('Σ of chain-rule path products = inputGradient (logit and probability) for random networks', () => {
  let seed = 7;
  for (const depth of [1, 2, 3, 4]) {
    for (const act of ACTS) {
      for (const out of ['linear', 'sigmoid', 'softmax', { name: 'softmax', scale: 10 }] as ActivationSpec[]) {
        const rs = new RandomState(seed++);
        const widths = Array.from({ length: depth - 1 }, () => rs.randintOne(2, 5));
        const layers = [...widths.map((w) => dense(w, { activation: act })), dense(3, { activation: out })];
        const model = sequential(layers, { inputShape: [3] });
        randomizeWeights(model, rs, 1);
        const x = Array.from(rs.uniform(-1, 1, 3));
        for (const of of ['logit', 'probability'] as const) {
          for (let i = 0; i < 3; i++) {
            for (let k = 0; k < 3; k++) {
              const paths = chainRulePaths(model, x, i, k, { of });
              const expected = inputGradient(model, x, k, { of })[i];
              const sum = paths.reduce((s, p) => s + p.product, 0);
              const what = `depth ${depth} ${JSON.stringify(act)} → ${JSON.stringify(out)} ${of} ∂${k}/∂x${i}`;
              assert.ok(Math.abs(sum - expected) <= 1e-12 * (1 + Math.abs(expected)), `${what}: ${sum} vs ${expected}`);
              for (const p of paths) {
                let prod = 1;
                for (const f of p.factors) prod *= f.value;
                assert.equal(p.product, prod);
              }
            }
          }
        }
      }
    }
  }
});

test('inputGradient matches finite differences of z_last and a_last', () => {
  const rs = new RandomState(3);
  for (const out of ['sigmoid', 'softmax', 'tanh'] as ActivationSpec[]) {
    const model = sequential([dense(4, { activation: 'tanh' }), dense(3, { activation: 'elu' }), dense(2, { activation: out })], { inputShape: [3] });
    randomizeWeights(model, rs);
    const x = Array.from(rs.uniform(-1, 1, 3));
    for (const of of ['logit', 'probability'] as const) {
      for (let k = 0; k < 2; k++) {
        const g = inputGradient(model, x, k, { of });
        const h = 1e-6;
        const val = (xx: number[]) => {
          const t = trace(model, xx);
          return of === 'logit' ? t.layers[2].z[k] : t.output[k];
        };
        const fd = x.map((_, i) => {
          const up = x.slice();
          const dn = x.slice();
          up[i] += h;
          dn[i] -= h;
          return (val(up) - val(dn)) / (2 * h);
        });
        assertClose(g, fd, 1e-6, 1e-9, `${out} ${of} ${k}`);
      }
    }
  }
});

test('chainRulePaths refuses a softmax hidden layer and too many paths', () => {
  const model = sequential([dense(3, { activation: 'softmax' }), dense(1)], { inputShape: [2] });
  assert.throws(() => chainRulePaths(model, [0, 0], 0, 0), /softmax hidden layer/);
  const wide = sequential([dense(50, { activation: 'relu' }), dense(50, { activation: 'relu' }), dense(50), dense(1)], { inputShape: [2] });
  assert.throws(() => chainRulePaths(wide, [0, 0], 0, 0), /125000 paths/);
  assert.throws(() => chainRulePaths(model, [0, 0], 2, 0), /inputIndex must be an integer from 0 to 1, got 2/);
});

test('deadUnitsOn marks units dead at every point, not at some', () => {
  const model = sequential([dense(3, { activation: 'relu' }), dense(1)], { inputShape: [1] });
  // unit 0: z = x (dead for x ≤ 0); unit 1: z = −1 (always dead); unit 2: z = 1 (never dead).
  model.setWeights([[[1, 0, 0]], [0, -1, 1], [[1], [1], [1]], [0]]);
  assert.deepEqual(deadUnitsOn(model, [[-1], [-0.5]]), [[true, true, false]]);
  assert.deepEqual(deadUnitsOn(model, [[-1], [0.5]]), [[false, true, false]]);
  assert.deepEqual(deadUnits(model, [0]), [[true, true, false]]);
});

test('layerGradientNorms are the norms of gradients() per layer', () => {
  const rs = new RandomState(5);
  const model = sequential([dense(5, { activation: 'tanh' }), dense(5, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2] });
  compile(model, { optimizer: sgd(), loss: 'binary_crossentropy', epochs: 1 });
  const X = randomRows(rs, 300, 2); // more than one 256-row chunk
  const y = X.map((r) => (r[0] * r[1] > 0 ? 1 : 0));
  const norms = layerGradientNorms(model, X, y);
  const g = gradients(model, X, y);
  const n2 = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
  norms.forEach((n, l) => {
    assert.ok(Math.abs(n.kernel - n2(g[l].kernel)) < 1e-14);
    assert.ok(Math.abs(n.bias - n2(g[l].bias!)) < 1e-14);
  });
  // Chunked gradient equals the one-pass gradient.
  const first = gradients(model, X.slice(0, 100), y.slice(0, 100));
  const firstAgain = gradients(model, X.slice(0, 100), y.slice(0, 100));
  assertClose(first[0].kernel, firstAgain[0].kernel, 0, 0);
});

test('decisionGrid fills a given Float32Array, honours [width, height] and the output index', () => {
  const model = sequential([dense(2, { activation: 'softmax' })], { inputShape: [2] });
  model.setWeights([[[1, -1], [0, 0]], [0, 0]]); // p1 = σ(−2x): falls left to right, constant in y
  const into = new Float32Array(4 * 3);
  const out = decisionGrid(model, { xRange: [-1, 1], yRange: [0, 1], resolution: [4, 3], into, output: 1 });
  assert.equal(out, into);
  for (let r = 0; r < 3; r++) for (let c = 1; c < 4; c++) assert.ok(out[r * 4 + c] < out[r * 4 + c - 1]);
  const p0 = decisionGrid(model, { xRange: [-1, 1], yRange: [0, 1], resolution: [4, 3], output: 0 });
  for (let i = 0; i < 12; i++) assert.ok(Math.abs(p0[i] + out[i] - 1) < 1e-6);
  assert.throws(() => decisionGrid(model, { xRange: [1, -1], yRange: [0, 1], resolution: 4 }), /xRange must be \[min, max\]/);
  assert.throws(() => decisionGrid(model, { xRange: [0, 1], yRange: [0, 1], resolution: 4, into: new Float32Array(3) }), /into must be a Float32Array of 16/);
});
