/**
 * Bad input is refused before any work, with a message naming the field and the value: shapes, NaN/Infinity
 * (row and column), labels outside the loss's range, batch size and epochs, specs the engine cannot build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adam,
  buildModel,
  compile,
  dense,
  evaluate,
  fit,
  predict,
  sequential,
  Sequential,
  SpecError,
  type ModelSpec,
} from '../../../src/core.js';

function compiled(loss: 'binary_crossentropy' | 'sparse_categorical_crossentropy' = 'binary_crossentropy', units = 1): Sequential {
  const m = sequential([dense(4, { activation: 'relu' }), dense(units, { activation: units === 1 ? 'sigmoid' : 'softmax' })], { inputShape: [2] });
  compile(m, { optimizer: adam(), loss, epochs: 2, metrics: ['accuracy'] });
  return m;
}

/** Asserts fn throws a SpecError whose message matches and that nothing was trained. */
function refused(m: Sequential, fn: () => unknown, pattern: RegExp, path?: string): void {
  const before = m.params.slice();
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SpecError, `a SpecError, got ${e}`);
    assert.match((e as Error).message, pattern);
    if (path) assert.equal((e as SpecError).problems[0].path, path);
    return true;
  });
  assert.deepEqual(m.params, before, 'weights unchanged');
  assert.equal(m.compiled?.optimizer.iterations ?? 0, 0, 'no step taken');
}

test('rows of the wrong length name the row and the model’s input count', () => {
  const m = compiled();
  refused(m, () => fit(m, [[0, 1], [1, 2, 3]], [0, 1]), /x\[1\] has 3 values but the model takes 2 inputs/, 'x[1]');
  refused(m, () => predict(m, [[0, 1, 2]]), /x\[0\] has 3 values but the model takes 2 inputs/);
  refused(m, () => fit(m, new Float64Array(5), [0, 1]), /x has 5 numbers, not a whole number of rows of 2 inputs/);
});

test('NaN and Infinity in x name row and column; in validation data too', () => {
  const m = compiled();
  refused(m, () => fit(m, [[0, 1], [1, 2], [3, NaN]], [0, 1, 0]), /x\[2\]\[1\] must be a finite number, got NaN/, 'x[2][1]');
  refused(m, () => fit(m, Float64Array.from([0, 1, Infinity, 2]), [0, 1]), /x\[1\]\[0\] must be a finite number, got Infinity/);
  refused(m, () => fit(m, [[0, 1]], [1], { validationData: [[[-Infinity, 0]], [0]] }), /validationData\[0\]\[0\]\[0\] must be a finite number, got -Infinity/);
});

test('labels outside the loss’s range, or of the wrong count, are named', () => {
  const m = compiled();
  refused(m, () => fit(m, [[0, 1], [1, 2]], [0, 2]), /y\[1\] must be 0 or 1 \(or a probability in \[0, 1\]\) for binary_crossentropy, got 2/, 'y[1]');
  refused(m, () => fit(m, [[0, 1], [1, 2]], [0]), /y has 1 labels but x has 2 rows/);
  refused(m, () => fit(m, [[0, 1]], [NaN]), /y\[0\] must be a finite number, got NaN/);
  const s = compiled('sparse_categorical_crossentropy', 3);
  refused(s, () => fit(s, [[0, 1], [1, 2]], [0, 3]), /y\[1\] must be a class index, an integer from 0 to 2, for sparse_categorical_crossentropy, got 3/);
  refused(s, () => fit(s, [[0, 1]], [1.5]), /y\[0\] must be a class index/);
});

test('batch size 0 and epochs < 1 are refused (in fit options and in the TrainSpec)', () => {
  const m = compiled();
  refused(m, () => fit(m, [[0, 1]], [1], { batchSize: 0 }), /batchSize must be a positive integer, got 0/, 'batchSize');
  refused(m, () => fit(m, [[0, 1]], [1], { epochs: 0 }), /epochs must be an integer >= 1, got 0/, 'epochs');
  const n = sequential([dense(1, { activation: 'sigmoid' })], { inputShape: [2] });
  assert.throws(() => compile(n, { optimizer: adam(), loss: 'binary_crossentropy', epochs: 3, batchSize: 0 }), (e: unknown) => e instanceof SpecError && /batchSize/.test((e as Error).message));
  assert.throws(() => compile(n, { optimizer: adam(), loss: 'binary_crossentropy', epochs: 0 }), /epochs/);
  assert.throws(() => compile(n, { optimizer: { name: 'adamw' } as never, loss: 'binary_crossentropy', epochs: 1 }), /optimizer\.name/);
  assert.equal(n.compiled, null);
});

test('fit before compile, and evaluate before compile, say what to do', () => {
  const m = sequential([dense(1)], { inputShape: [2] });
  assert.throws(() => fit(m, [[0, 1]], [1]), /compile\(model, trainSpec\) first/);
  assert.throws(() => evaluate(m, [[0, 1]], [1]), /compile\(model, trainSpec\) first/);
});

test('layers the small engine does not build are refused by name, pointing to the TensorFlow.js engine', () => {
  const spec: ModelSpec = {
    inputShape: [32, 32, 3],
    layers: [{ type: 'conv2d', filters: 8, kernelSize: 3, name: 'conv1' }, { type: 'flatten' }, { type: 'dense', units: 10 }],
  };
  assert.throws(() => buildModel(spec), (e: unknown) => {
    assert.ok(e instanceof SpecError);
    const msg = (e as Error).message;
    assert.match(msg, /layers\[0\] \('conv1'\) is a Conv2D layer: the small engine builds Dense layers only; Conv2D layers run on the TensorFlow\.js engine/);
    assert.match(msg, /layers\[1\] is a Flatten layer/);
    assert.match(msg, /inputShape must be \[n\]/);
    return true;
  });
  assert.throws(() => sequential([dense(2), { type: 'dropout', rate: 0.5 }], { inputShape: [2] }), /layers\[1\] is a Dropout layer/);
});

test('spec problems come from the shared validator, every one with its path', () => {
  assert.throws(() => Sequential.fromSpec({ inputShape: [2], layers: [{ type: 'dense', units: -3 }, { type: 'dense', units: 1, activation: 'swish' as never }] }), (e: unknown) => {
    const paths = (e as SpecError).problems.map((p) => p.path);
    assert.ok(paths.includes('layers[0].units'));
    assert.ok(paths.some((p) => p.startsWith('layers[1].activation')));
    assert.match((e as Error).message, /layers\[0\]\.units must be a positive integer, got -3/);
    return true;
  });
});

test('setWeights refuses wrong counts, sizes and values without changing anything', () => {
  const m = sequential([dense(3), dense(1)], { inputShape: [2] });
  const before = m.params.slice();
  assert.throws(() => m.setWeights([[1, 2, 3]]), /weights must hold 4 arrays/);
  assert.throws(() => m.setWeights([new Float64Array(6), new Float64Array(3), new Float64Array(2), new Float64Array(1)]), /weights\[2\] must hold 3 numbers, got 2/);
  assert.throws(() => m.setWeights([new Float64Array(6), [0, NaN, 0], new Float64Array(3), new Float64Array(1)]), /weights\[1\]\[1\] must be a finite number, got NaN/);
  assert.deepEqual(m.params, before);
});
