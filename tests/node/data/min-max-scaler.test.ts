import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MinMaxScaler } from '../../../src/data/index.js';
import { loadFixture, assertMatrixClose, assertClose } from './fixtures.js';

interface Pair { X: number[][]; out: number[][] }
interface Case {
  name: string; featureRange: [number, number]; clip: boolean; fit: number[][][];
  fitted: { scale: number[]; min: number[]; dataMin: number[]; dataMax: number[]; dataRange: number[]; nSamplesSeen: number };
  transform: Pair; transformNew?: Pair; inverse?: Pair;
}
const fx = loadFixture<{ cases: Case[] }>('min_max_scaler.json');
/** Same arithmetic order as scikit-learn, so results agree to the last bit; leave room for one ulp. */
const TOL = 1e-15;

for (const c of fx.cases) {
  test(`MinMaxScaler: ${c.name}`, () => {
    const sc = new MinMaxScaler({ featureRange: c.featureRange, clip: c.clip });
    sc.fit(c.fit[0]);
    for (const batch of c.fit.slice(1)) sc.partialFit(batch);
    for (const key of ['scale', 'min', 'dataMin', 'dataMax', 'dataRange'] as const) {
      c.fitted[key].forEach((v, j) => assertClose(sc[key]![j], v, TOL * Math.max(1, Math.abs(v)), `${key}[${j}]`));
    }
    assert.equal(sc.nSamplesSeen, c.fitted.nSamplesSeen);
    assertMatrixClose(sc.transform(c.transform.X), c.transform.out, TOL * 10, 'transform');
    if (c.transformNew) assertMatrixClose(sc.transform(c.transformNew.X), c.transformNew.out, 1e-13, 'transform of new data');
    if (c.inverse) assertMatrixClose(sc.inverseTransform(c.inverse.X), c.inverse.out, 1e-13, 'inverseTransform');
    if (c.fit.length === 1) assertMatrixClose(new MinMaxScaler({ featureRange: c.featureRange, clip: c.clip }).fitTransform(c.fit[0]), c.transform.out, TOL * 10, 'fitTransform');
  });
}

test('MinMaxScaler: defaults to [0, 1], leaves its input untouched, fit resets partial fits', () => {
  const X = [[1, 10], [3, 20], [2, 15]];
  const copy = structuredClone(X);
  const sc = new MinMaxScaler();
  assert.deepEqual(sc.fitTransform(X), [[0, 0], [1, 1], [0.5, 0.5]]);
  assert.deepEqual(X, copy);
  sc.partialFit([[-1, 0]]);
  sc.fit(X);
  assert.deepEqual(sc.dataMin, [1, 10]);
  assert.equal(sc.nSamplesSeen, 3);
});

test('MinMaxScaler: bad input is refused with the argument and its value', () => {
  assert.throws(() => new MinMaxScaler({ featureRange: [1, 1] }), /featureRange: minimum of desired feature range must be smaller than maximum, got \[1,1\]/);
  assert.throws(() => new MinMaxScaler({ featureRange: [2, -1] }), /got \[2,-1\]/);
  assert.throws(() => new MinMaxScaler().transform([[1]]), /not fitted yet/);
  const sc = new MinMaxScaler().fit([[0, 1], [1, 2]]);
  assert.throws(() => sc.transform([[1, 2, 3]]), /X has 3 features, but MinMaxScaler is expecting 2 features as input/);
  assert.throws(() => new MinMaxScaler().fit([]), /X must be a non-empty array of rows, got \[\]/);
  assert.throws(() => new MinMaxScaler().fit([[1, 2], [3]]), /X\[1\] has 1 values, expected 2/);
  assert.throws(() => new MinMaxScaler().fit([[1, Infinity]]), /X\[0\]\[1\] must be a finite number or NaN, got Infinity/);
});
