import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MinMaxScaler, makeCircles, trainTestSplit, trainTestSplitIndices } from '../../../src/data/index.js';
import { RandomState } from '../../../src/random/index.js';
import { loadFixture, assertMatrixClose } from './fixtures.js';

interface Case { n: number; options: any; train: number[]; test: number[] }
const fx = loadFixture<{
  cases: Case[];
  homeworkPipeline: { XTrain: number[][]; XTest: number[][]; yTrain: number[]; yTest: number[] };
}>('train_test_split.json');

for (const c of fx.cases) {
  test(`trainTestSplit(n=${c.n}, ${JSON.stringify(c.options)}) picks scikit-learn's indices`, () => {
    const idx = Array.from({ length: c.n }, (_, i) => i);
    const [train, test] = trainTestSplit([idx], c.options);
    assert.deepEqual(train, c.train);
    assert.deepEqual(test, c.test);
    assert.deepEqual(trainTestSplitIndices(c.n, c.options), { train: c.train, test: c.test });
  });
}

test('homework problem 1: makeCircles -> MinMaxScaler(-1, 1) -> trainTestSplit(.8, 42) equals scikit-learn', () => {
  const { X, y } = makeCircles({ nSamples: 1000, noise: 0.08, randomState: 1 });
  const Xs = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(X);
  const [XTrain, XTest, yTrain, yTest] = trainTestSplit([Xs, y], { trainSize: 0.8, randomState: 42 });
  const hw = fx.homeworkPipeline;
  assert.equal(XTrain.length, 800);
  assert.deepEqual(yTrain, hw.yTrain);
  assert.deepEqual(yTest, hw.yTest);
  assertMatrixClose(XTrain, hw.XTrain, 1e-12, 'XTrain');
  assertMatrixClose(XTest, hw.XTest, 1e-12, 'XTest');
});

test('several arrays share one split; rows are shared, inputs untouched; a RandomState advances', () => {
  const X = [[0], [1], [2], [3], [4]];
  const y = [0, 10, 20, 30, 40];
  const w = new Float64Array([0.5, 1.5, 2.5, 3.5, 4.5]);
  const [XTr, XTe, yTr, yTe, wTr, wTe] = trainTestSplit([X, y, w], { testSize: 2, randomState: 0 });
  assert.deepEqual(XTr.map((r) => r[0] * 10), yTr);
  assert.deepEqual(XTe.map((r) => r[0] * 10), yTe);
  assert.deepEqual(wTr, XTr.map((r) => r[0] + 0.5));
  assert.deepEqual(wTe, XTe.map((r) => r[0] + 0.5));
  assert.ok(XTr.every((r) => X.includes(r)));
  assert.deepEqual(y, [0, 10, 20, 30, 40]);
  const rs = new RandomState(0);
  const first = trainTestSplit([y], { testSize: 2, randomState: rs });
  assert.deepEqual(first, [yTr, yTe]);
  assert.notDeepEqual(trainTestSplit([y], { testSize: 2, randomState: rs }), first);
});

test('bad sizes and inputs are refused with scikit-learn-like messages naming the size and value', () => {
  const a = Array.from({ length: 10 }, (_, i) => i);
  const msg = (name: string, v: number) =>
    `${name}=${v} should be either positive and smaller than the number of samples 10 or a float in the (0, 1) range`;
  assert.throws(() => trainTestSplit([a], { testSize: 10 }), { message: msg('testSize', 10) });
  assert.throws(() => trainTestSplit([a], { testSize: 0 }), { message: msg('testSize', 0) });
  assert.throws(() => trainTestSplit([a], { testSize: 1.5 }), { message: msg('testSize', 1.5) });
  assert.throws(() => trainTestSplit([a], { testSize: -0.2 }), { message: msg('testSize', -0.2) });
  assert.throws(() => trainTestSplit([a], { trainSize: 12 }), { message: msg('trainSize', 12) });
  assert.throws(() => trainTestSplit([a], { trainSize: 0.6, testSize: 0.5 }), /The sum of testSize and trainSize = 1.1, should be in the \(0, 1\) range/);
  assert.throws(() => trainTestSplit([a], { trainSize: 6, testSize: 5 }), /The sum of trainSize and testSize = 11, should be smaller than the number of samples 10/);
  assert.throws(() => trainTestSplit([a], { testSize: 0.95 }), /With nSamples=10, testSize=0.95 and trainSize=None, the resulting train set will be empty/);
  assert.throws(() => trainTestSplit([a], { testSize: NaN }), /Invalid value for testSize: NaN/);
  assert.throws(() => trainTestSplit([], {}), /At least one array required as input/);
  assert.throws(() => trainTestSplit([a, [1, 2]]), /Found input variables with inconsistent numbers of samples: \[10, 2\]/);
});
