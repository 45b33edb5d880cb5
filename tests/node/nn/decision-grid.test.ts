// decisionGrid's two-layer path (one pass per cell, nothing written between layers) against predict at every cell's
// centre, for the output forms it takes; and deeper or other models, which take the general path, likewise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adam, compile, decisionGrid, dense, predict, RandomState, sequential, type Sequential } from '../../../src/core.js';
import { randomizeWeights } from './helpers.js';

function checkAgainstPredict(model: Sequential, output: number | undefined, what: string): void {
  const [w, h] = [11, 7];
  const xRange = [-1.5, 2] as const;
  const yRange = [-0.5, 1.25] as const;
  const grid = decisionGrid(model, { xRange, yRange, resolution: [w, h], output });
  const rows: number[][] = [];
  for (let r = 0; r < h; r++)
    for (let c = 0; c < w; c++)
      rows.push([xRange[0] + ((c + 0.5) * (xRange[1] - xRange[0])) / w, yRange[1] - ((r + 0.5) * (yRange[1] - yRange[0])) / h]);
  const k = model.layers[model.layers.length - 1].units;
  const p = predict(model, rows);
  const unit = output ?? k - 1;
  const compiled = model.compiled?.loss.mode === 'from-logits';
  for (let i = 0; i < rows.length; i++) {
    let want = p[i * k + unit];
    if (compiled) {
      // predict returns the logits; decisionGrid their probability.
      const z = Array.from({ length: k }, (_, m) => p[i * k + m]);
      want = k === 1 ? 1 / (1 + Math.exp(-z[0])) : Math.exp(z[unit]) / z.reduce((s, v) => s + Math.exp(v), 0);
    }
    assert.ok(Math.abs(grid[i] - want) < 1e-6, `${what}: cell ${i} is ${grid[i]}, predict says ${want}`);
  }
}

const cases: [string, () => Sequential, number | undefined][] = [
  ['relu 3 → softmax(10·o) 2 (the chain-rule net)', () => sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2] }), undefined],
  ['relu 3 → softmax(10·o) 2, unit 0', () => sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2] }), 0],
  ['tanh 5 → sigmoid 1', () => sequential([dense(5, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2] }), undefined],
  ['leaky_relu 4 → softmax 3, unit 1', () => sequential([dense(4, { activation: 'leaky_relu' }), dense(3, { activation: 'softmax' })], { inputShape: [2] }), 1],
  ['linear 2, no biases → softmax 3, unit 2', () => sequential([dense(2, { useBias: false }), dense(3, { activation: 'softmax', useBias: false })], { inputShape: [2] }), 2],
  ['relu 8 → linear 1, compiled from logits', () => compile(sequential([dense(8, { activation: 'relu' }), dense(1)], { inputShape: [2] }), { optimizer: adam(), loss: 'binary_crossentropy', fromLogits: true, epochs: 1 }), undefined],
  ['relu 6 → linear 3, compiled from logits', () => compile(sequential([dense(6, { activation: 'relu' }), dense(3)], { inputShape: [2] }), { optimizer: adam(), loss: 'categorical_crossentropy', fromLogits: true, epochs: 1 }), 0],
  ['general path: relu 5 → tanh 4 → sigmoid 1', () => sequential([dense(5, { activation: 'relu' }), dense(4, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2] }), undefined],
  ['general path: one softmax layer', () => sequential([dense(3, { activation: 'softmax' })], { inputShape: [2] }), 1],
];

for (const [what, make, output] of cases) {
  test(`decisionGrid matches predict at every cell: ${what}`, () => {
    const rs = new RandomState(11);
    for (let trial = 0; trial < 3; trial++) {
      const model = make();
      randomizeWeights(model, rs, 1.5);
      checkAgainstPredict(model, output, `${what} (trial ${trial})`);
    }
  });
}

// The two-layer ReLU/linear path with one other output (the chain-rule net's case) fills each stretch of a row
// between ReLU switches by repeated multiplication; its values must still be predict's to Float32 precision, also
// where exp overflows (large weights) and on a wide view with switches in every row.
const piecewise: [string, () => Sequential, number][] = [
  ['relu 3 → softmax(10·o) 2', () => sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2] }), 1],
  ['relu 7 → sigmoid 1', () => sequential([dense(7, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2] }), 3],
  ['linear 4 → softmax 2, unit 0', () => sequential([dense(4), dense(2, { activation: 'softmax' })], { inputShape: [2] }), 2],
  ['relu 5 → softmax 2, weights ×40 (exp overflows)', () => sequential([dense(5, { activation: 'relu' }), dense(2, { activation: 'softmax' })], { inputShape: [2] }), 40],
];
for (const [what, make, scale] of piecewise) {
  test(`decisionGrid's piecewise path agrees with predict to Float32 precision at 256×256: ${what}`, () => {
    const rs = new RandomState(5);
    for (let trial = 0; trial < 2; trial++) {
      const model = make();
      randomizeWeights(model, rs, scale);
      const output = what.includes('unit 0') ? 0 : model.outputDim - 1;
      const res = 256;
      const grid = decisionGrid(model, { xRange: [-2, 2], yRange: [-1, 3], resolution: res, output });
      const rows: number[][] = [];
      for (let r = 0; r < res; r++) for (let c = 0; c < res; c++) rows.push([-2 + ((c + 0.5) * 4) / res, 3 - ((r + 0.5) * 4) / res]);
      const p = predict(model, rows);
      const k = model.outputDim;
      let worst = 0;
      for (let i = 0; i < rows.length; i++) {
        const want = Math.fround(p[i * k + output]);
        const err = Math.abs(grid[i] - want) / Math.max(Math.abs(want), 1e-38);
        if (err > worst) worst = err;
        assert.ok(Math.abs(grid[i] - want) <= 2.5e-7 * Math.abs(want) + 1e-38, `${what}: cell ${i} is ${grid[i]}, predict says ${want}`);
      }
      assert.ok(worst < 2.5e-7, `worst relative error ${worst}`);
    }
  });
}

// `rows` lets an element compute a large map a band at a time: the bands together are the whole grid, bit for bit,
// on every path; rows outside the band are left as they were.
test('decisionGrid computed in bands of rows equals the whole grid exactly, on every path', () => {
  const rs = new RandomState(3);
  for (const [what, make, output] of [...cases, ...piecewise.map(([w, m]) => [w, m, undefined] as const)]) {
    const model = make();
    randomizeWeights(model, rs, 1.5);
    const options = { xRange: [-1.5, 2] as const, yRange: [-0.5, 1.25] as const, resolution: [13, 17] as const, output: output ?? undefined };
    const whole = decisionGrid(model, options);
    const banded = new Float32Array(13 * 17).fill(-1);
    decisionGrid(model, { ...options, into: banded, rows: [0, 5] });
    assert.equal(banded[5 * 13], -1, `${what}: a row outside the band was written`);
    decisionGrid(model, { ...options, into: banded, rows: [5, 6] });
    decisionGrid(model, { ...options, into: banded, rows: [6, 17] });
    assert.deepEqual(banded, whole, what);
  }
});

test('decisionGrid refuses rows outside the grid, naming the option', () => {
  const model = sequential([dense(3, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2] });
  for (const rows of [[-1, 2], [3, 2], [0, 9], [0.5, 2]] as const)
    assert.throws(() => decisionGrid(model, { xRange: [0, 1], yRange: [0, 1], resolution: 8, rows }), /rows/);
});
