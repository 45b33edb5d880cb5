/**
 * Finite differences against backpropagation for every activation × loss × regularizer combination (float64,
 * central differences): the gradient the optimizer applies must be the derivative of the loss Keras reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import {
  compile,
  dense,
  gradients,
  lossValue,
  sequential,
  sgd,
  type ActivationSpec,
  type LossName,
  type RegularizerSpec,
} from '../../../src/core.js';
import { assertClose, finiteDiff, flatGrads, randomizeWeights, randomRows } from './helpers.js';

const HIDDEN: ActivationSpec[] = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'softplus',
  'softmax',
  { name: 'softmax', scale: 10 },
  { name: 'leaky_relu', alpha: 0.1 },
  { name: 'elu', alpha: 0.5 },
];

/** Output activations that make sense for each loss, with fromLogits where the output is logits. */
const OUTPUTS: Record<LossName, Array<{ act: ActivationSpec; fromLogits?: boolean; units: number }>> = {
  binary_crossentropy: [
    { act: 'sigmoid', units: 1 }, // fused (Keras's cached-logits path)
    { act: 'sigmoid', units: 3 },
    { act: 'linear', fromLogits: true, units: 2 },
    { act: 'softmax', units: 3 }, // Keras's clipped-probability path
  ],
  categorical_crossentropy: [
    { act: 'softmax', units: 3 },
    { act: { name: 'softmax', scale: 10 }, units: 2 },
    { act: 'linear', fromLogits: true, units: 3 },
    { act: 'sigmoid', units: 3 }, // probabilities renormalised and clipped
  ],
  sparse_categorical_crossentropy: [
    { act: 'softmax', units: 4 },
    { act: { name: 'softmax', scale: 10 }, units: 2 },
    { act: 'tanh', fromLogits: true, units: 3 },
    { act: 'sigmoid', units: 3 },
  ],
  mean_squared_error: HIDDEN.map((act) => ({ act, units: 2 })),
};

const REGULARIZERS: Array<{ name: string; kernel?: RegularizerSpec; bias?: RegularizerSpec; activity?: RegularizerSpec }> = [
  { name: 'none' },
  { name: 'kernel l1', kernel: { l1: 0.01 } },
  { name: 'kernel l2', kernel: { l2: 0.02 } },
  { name: 'l1_l2 everywhere', kernel: { l1: 0.003, l2: 0.01 }, bias: { l1: 0.002, l2: 0.005 }, activity: { l1: 0.004, l2: 0.003 } },
];

function labels(rs: RandomState, loss: LossName, rows: number, units: number): number[] | number[][] {
  if (loss === 'sparse_categorical_crossentropy') return Array.from(rs.randint(0, units, rows));
  if (loss === 'categorical_crossentropy') {
    return Array.from({ length: rows }, () => {
      const row = new Array(units).fill(0);
      row[rs.randintOne(0, units)] = 1;
      return row;
    });
  }
  if (loss === 'binary_crossentropy') return Array.from({ length: rows }, () => Array.from(rs.randint(0, 2, units)));
  return randomRows(rs, rows, units);
}

let seed = 0;
for (const loss of Object.keys(OUTPUTS) as LossName[]) {
  for (const out of OUTPUTS[loss]) {
    test(`finite differences: ${loss}, output ${JSON.stringify(out.act)}${out.fromLogits ? ' fromLogits' : ''}, every hidden activation and regularizer`, () => {
      for (const hidden of HIDDEN) {
        for (const reg of REGULARIZERS) {
          const rs = new RandomState(seed++);
          const layerReg = { kernelRegularizer: reg.kernel, biasRegularizer: reg.bias, activityRegularizer: reg.activity };
          const model = sequential(
            [dense(4, { activation: hidden, ...layerReg }), dense(out.units, { activation: out.act, ...layerReg })],
            { inputShape: [3] },
          );
          compile(model, { optimizer: sgd(), loss, fromLogits: out.fromLogits, epochs: 1 });
          randomizeWeights(model, rs);
          const X = randomRows(rs, 5, 3);
          const Y = labels(rs, loss, 5, out.units);
          const analytic = flatGrads(gradients(model, X, Y));
          const f = () => lossValue(model, X, Y);
          const numeric = Float64Array.from(analytic, (_, i) => finiteDiff(model, i, f));
          const what = `${loss} hidden=${JSON.stringify(hidden)} out=${JSON.stringify(out.act)} reg=${reg.name}`;
          assert.ok(Number.isFinite(f()), `${what}: loss finite`);
          assertClose(analytic, numeric, 1e-5, 1e-7, what);
        }
      }
    });
  }
}

test('finite differences through three hidden layers of mixed activations', () => {
  const rs = new RandomState(99);
  const model = sequential(
    [
      dense(5, { activation: 'tanh' }),
      dense(4, { activation: 'relu', kernelRegularizer: { l2: 0.01 } }),
      dense(3, { activation: 'elu', activityRegularizer: { l1: 0.01 } }),
      dense(2, { activation: 'softmax' }),
    ],
    { inputShape: [2] },
  );
  compile(model, { optimizer: sgd(), loss: 'categorical_crossentropy', epochs: 1 });
  randomizeWeights(model, rs, 0.9);
  const X = randomRows(rs, 7, 2);
  const Y = X.map((r) => (r[0] > r[1] ? [1, 0] : [0, 1]));
  const analytic = flatGrads(gradients(model, X, Y));
  const f = () => lossValue(model, X, Y);
  assertClose(analytic, Float64Array.from(analytic, (_, i) => finiteDiff(model, i, f)), 1e-5, 1e-7, 'deep');
});
