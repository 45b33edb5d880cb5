/**
 * The engine's limits: every size a user can set past its limit is a SpecError naming the limit, thrown before
 * anything is allocated (each case here would otherwise take gigabytes or minutes). Shapes are checked exactly,
 * and `Sequential.fromJSON` refuses anything that is not a model's JSON.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LIMITS,
  Sequential,
  SpecError,
  decisionGrid,
  dense,
  makeBlobs,
  makeCircles,
  makeMoons,
  semicircleTask,
  sequential,
  compile,
  adam,
  fit,
  validateModelSpec,
  validateTrainSpec,
  validateDataSpec,
  validateScheduleSpec,
  type ModelSpec,
} from '../../../src/core.js';

/** Asserts `fn` throws a SpecError whose message says `pattern` (the limit, written as people read it). */
function refused(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SpecError, `a SpecError, got ${String(e)}`);
    assert.match(e.message, pattern);
    return true;
  });
}

const messages = (problems: { message: string }[]) => problems.map((p) => p.message).join('\n');

test('LIMITS is exported from the core, frozen, with every limit a positive number', () => {
  assert.ok(Object.isFrozen(LIMITS));
  for (const [name, value] of Object.entries(LIMITS)) assert.ok(Number.isSafeInteger(value) && value > 0, name);
});

test('dense(1e9) is refused when it is made, naming the limit; dense(0) as Keras refuses it', () => {
  refused(() => dense(1e9), /units is 1,000,000,000; the limit is 4,096/);
  refused(() => dense(0), /units must be a positive integer, got 0/);
  refused(() => dense(2.5), /units must be a positive integer/);
  assert.deepEqual(dense(LIMITS.maxUnits), { type: 'dense', units: 4096 });
});

test('the small engine refuses a model over its weight limit before allocating it', () => {
  refused(
    () => sequential([dense(4096), dense(4096)], { inputShape: [100] }),
    /the model has 17,195,008 weights; the small engine takes at most 1,000,000/,
  );
  refused(() => Sequential.fromSpec({ inputShape: [2], layers: [{ type: 'dense', units: 1e9 }] }), /units is 1,000,000,000; the limit is 4,096/);
});

test('the shared model validator bounds units, filters, layers, input size and weights', () => {
  const conv = (filters: number): ModelSpec => ({ inputShape: [32, 32, 3], layers: [{ type: 'conv2d', filters, kernelSize: 3 }] });
  assert.match(messages(validateModelSpec(conv(1e6))), /layers\[0\]\.filters is 1,000,000; the limit is 4,096/);
  const many = Array.from({ length: 300 }, () => ({ type: 'dense' as const, units: 1 }));
  assert.match(messages(validateModelSpec({ inputShape: [2], layers: many })), /layers\.length is 300; the limit is 256/);
  assert.match(messages(validateModelSpec({ inputShape: [10000, 10000, 3], layers: [{ type: 'flatten' }] })), /inputShape is 300,000,000 values; the limit is 1,048,576/);
  const wide: ModelSpec = { inputShape: [4096], layers: [{ type: 'dense', units: 4096 }, { type: 'dense', units: 4096 }] };
  assert.match(messages(validateModelSpec(wide)), /the model has 33,562,624 weights; the limit is 20,000,000/);
  assert.deepEqual(validateModelSpec({ inputShape: [32, 32, 3], layers: [{ type: 'conv2d', filters: 32, kernelSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 10 }] }), []);
});

test('data set generators refuse nSamples past the limit (makeMoons({ nSamples: 1e9 }) used to abort V8)', () => {
  refused(() => makeMoons({ nSamples: 1e9 }), /nSamples is 1,000,000,000; the limit is 1,000,000/);
  refused(() => makeCircles({ nSamples: [6e5, 6e5] }), /nSamples is 1,200,000; the limit is 1,000,000/);
  refused(() => makeBlobs({ nSamples: 1e9 }), /nSamples is 1,000,000,000; the limit is 1,000,000/);
  refused(() => makeBlobs({ nSamples: 100, nFeatures: 1e6 }), /nFeatures is 1,000,000; the limit is 1,024/);
  refused(() => makeBlobs({ nSamples: 100, centers: 1e6 }), /centers is 1,000,000; the limit is 1,024/);
  refused(() => makeBlobs({ nSamples: 1e6, nFeatures: 1000 }), /nSamples × nFeatures is 1,000,000,000; the limit is 10,000,000/);
  refused(() => semicircleTask({ nSamples: 1e9 }), /nSamples is 1,000,000,000; the limit is 1,000,000/);
  assert.match(messages(validateDataSpec({ name: 'moons', nSamples: 1e9 })), /nSamples is 1,000,000,000; the limit is 1,000,000/);
  assert.equal(makeMoons({ nSamples: 1000 }).y.length, 1000);
});

test('decisionGrid at resolution 1e5 is a SpecError naming the limit, not a RangeError', () => {
  const m = sequential([dense(2, { activation: 'sigmoid' })], { inputShape: [2] });
  refused(() => decisionGrid(m, { xRange: [0, 1], yRange: [0, 1], resolution: 1e5 }), /resolution is 10,000,000,000; the limit is 4,194,304/);
  refused(() => m.decisionGrid({ xRange: [0, 1], yRange: [0, 1], resolution: [1, 5e6] }), /the limit is 4,194,304/);
  assert.equal(decisionGrid(m, { xRange: [0, 1], yRange: [0, 1], resolution: 16 }).length, 256);
});

test('epochs past the limit are refused by the train spec validator and by fit', () => {
  assert.match(messages(validateTrainSpec({ optimizer: { name: 'sgd' }, loss: 'binary_crossentropy', epochs: 1e9 })), /epochs is 1,000,000,000; the limit is 100,000/);
  const m = sequential([dense(1, { activation: 'sigmoid' })], { inputShape: [2] });
  compile(m, { optimizer: adam(), loss: 'binary_crossentropy', epochs: 1 });
  refused(() => fit(m, [[0, 0]], [0], { epochs: 1e7 }), /epochs is 10,000,000; the limit is 100,000/);
});

test('a PiecewiseConstantDecay of 20,000 boundaries is one problem naming the limit, found at once', () => {
  const boundaries = Array.from({ length: 20000 }, (_, i) => i + 1);
  const problems = validateScheduleSpec({ name: 'PiecewiseConstantDecay', boundaries, values: [...boundaries, 0].map(() => 0.1) });
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /boundaries is 20,000 boundaries long; the limit is 100/);
});

test('setWeights checks shapes exactly: a 3×2 kernel given for a 2×3 one is refused, not reshaped', () => {
  const m = sequential([dense(3)], { inputShape: [2] });
  const before = m.params.slice();
  refused(() => m.setWeights([[[1, 2], [3, 4], [5, 6]], [0, 0, 0]]), /weights\[0\] must be 2×3 \(\[inputs\]\[units\]\) or 6 numbers flat, got 3×2/);
  refused(() => m.setWeights([[[1, 2, 3], [4, 5]], [0, 0, 0]]), /got 2 rows of lengths 3, 2/);
  refused(() => m.setWeights([[1, 2, 3, 4, 5, 6], [[0, 0, 0]]]), /weights\[1\] must be 3 numbers \(a bias is flat\)/);
  refused(() => m.setWeights([[1, 2, 3, 4, 5, null as unknown as number], [0, 0, 0]]), /weights\[0\]\[5\] must be a finite number, got null/);
  refused(() => m.setWeights([[1, 2, 3, 4, 5, '6' as unknown as number], [0, 0, 0]]), /weights\[0\]\[5\] must be a finite number, got "6"/);
  refused(() => m.setWeights(null as never), /weights must hold 2 arrays/);
  assert.deepEqual(m.params, before);
  m.setWeights([[[1, 2, 3], [4, 5, 6]], [0.5, 0.5, 0.5]]);
  assert.deepEqual(Array.from(m.layers[0].kernel), [1, 2, 3, 4, 5, 6]);
});

test('Sequential.fromJSON of anything that is not a model is a SpecError', () => {
  const good = sequential([dense(2)], { inputShape: [2] }).toJSON();
  const bad: unknown[] = [
    null, undefined, 5, 'model', [], {}, { format: 'keras' }, { ...good, version: 2 }, { ...good, spec: null },
    { ...good, spec: { inputShape: [2], layers: [{ type: 'dense', units: 1e9 }] } }, { ...good, weights: null },
    { ...good, weights: [[1, 2, 3, 4], [0]] }, { ...good, trainSpec: 7 }, { ...good, trainSpec: { loss: 'nope' } }, { ...good, optimizerState: null },
  ];
  for (const json of bad) {
    assert.throws(() => Sequential.fromJSON(json as never), (e: unknown) => e instanceof SpecError, JSON.stringify(json)?.slice(0, 60));
  }
  assert.deepEqual(Sequential.fromJSON(good).getWeights(), sequential([dense(2)], { inputShape: [2] }).getWeights());
});
