import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import { makeBlobs, makeCircles, makeMoons, shuffleArrays } from '../../../src/data/index.js';
import { loadFixture, assertMatrixClose } from './fixtures.js';

interface Case { fn: 'makeCircles' | 'makeMoons' | 'makeBlobs'; options: any; X: number[][]; y: number[]; centers?: number[][] }
const fx = loadFixture<{ cases: Case[]; shared: { seed: number; steps: Case[]; nextUint32: number[] } }>('datasets.json');
const FNS = { makeCircles, makeMoons, makeBlobs } as const;
/** DESIGN.md: coordinates within 1e-12 (Math.cos/sin/log may differ from numpy's by an ulp). */
const TOL = 1e-12;

for (const c of fx.cases) {
  test(`${c.fn}(${JSON.stringify(c.options)}) equals scikit-learn 1.2`, () => {
    const out = FNS[c.fn](structuredClone(c.options));
    assert.deepEqual(out.y, c.y, 'labels and order');
    assertMatrixClose(out.X, c.X, TOL, 'X');
    if (c.centers) assertMatrixClose((out as unknown as { centers: number[][] }).centers, c.centers, TOL, 'centers');
  });
}

test('a RandomState instance passed to several calls advances as numpy\'s does', () => {
  const rs = new RandomState(fx.shared.seed);
  for (const step of fx.shared.steps) {
    const out = FNS[step.fn]({ ...step.options, randomState: rs });
    assert.deepEqual(out.y, step.y, step.fn);
    assertMatrixClose(out.X, step.X, TOL, step.fn);
  }
  assert.deepEqual(Array.from(rs.randomUint32Array(3)), fx.shared.nextUint32);
});

test('defaults are scikit-learn\'s: 100 samples, factor 0.8, 3 blobs in 2-D', () => {
  const c = makeCircles({ shuffle: false });
  assert.equal(c.X.length, 100);
  assert.equal(Math.hypot(...c.X[50]), 0.8);
  assert.deepEqual(c.y, [...Array(50).fill(0), ...Array(50).fill(1)]);
  const m = makeMoons({ shuffle: false });
  assert.deepEqual(m.X[49], [-1, Math.sin(Math.PI)]); // linspace's last value is exactly pi
  const b = makeBlobs({ randomState: 0 });
  assert.equal(b.X.length, 100);
  assert.equal(b.X[0].length, 2);
  assert.deepEqual([...new Set(b.y)].sort(), [0, 1, 2]);
});

test('the same call gives the same data; without a seed it is seed 0, not a global generator', () => {
  assert.deepEqual(makeCircles({ noise: 0.1 }), makeCircles({ noise: 0.1, randomState: 0 }));
  assert.deepEqual(makeMoons({ noise: 0.1, randomState: 3 }), makeMoons({ noise: 0.1, randomState: 3 }));
});

test('bad arguments are refused with the argument and its value', () => {
  assert.throws(() => makeCircles({ factor: 1.5 }), { message: 'factor has to be between 0 and 1, got 1.5' });
  assert.throws(() => makeCircles({ factor: 1 }), /factor has to be between 0 and 1, got 1$/);
  assert.throws(() => makeCircles({ factor: -0.1 }), /factor .* got -0.1/);
  assert.throws(() => makeCircles({ factor: NaN }), /factor .* got NaN/);
  assert.throws(() => makeCircles({ nSamples: -3 }), /nSamples .* got -3/);
  assert.throws(() => makeCircles({ nSamples: 2.5 }), /nSamples .* got 2.5/);
  assert.throws(() => makeMoons({ nSamples: [1, 2, 3] as any }), /nSamples can be either an int or a two-element tuple, got \[1,2,3\]/);
  assert.throws(() => makeMoons({ nSamples: [1, -2] }), /nSamples must hold non-negative integers, got \[1, -2\]/);
  assert.throws(() => makeCircles({ noise: -0.1 }), /noise must be a non-negative number, got -0.1/);
  assert.throws(() => makeMoons({ randomState: -1 }), /randomState must be an integer between 0 and 2\*\*32 - 1, got -1/);
  assert.throws(() => makeMoons({ randomState: 'x' as any }), /randomState must be a number or a RandomState, got x/);
  assert.throws(() => makeBlobs({ centers: 0 }), /centers must be an integer >= 1, got 0/);
  assert.throws(() => makeBlobs({ nSamples: -1 }), /nSamples must be an integer >= 0, got -1/);
  assert.throws(() => makeBlobs({ nFeatures: 0 }), /nFeatures must be an integer >= 1, got 0/);
  assert.throws(() => makeBlobs({ nSamples: [3, 4], centers: 2 }), /centers must be an array of 2 rows when nSamples is an array, got 2/);
  assert.throws(() => makeBlobs({ nSamples: [3, 4], centers: [[0, 0]] }), /nSamples has 2, centers has 1/);
  assert.throws(() => makeBlobs({ centers: [[0, 0], [1]] }), /centers\[1\] must be 2 finite numbers, got \[1\]/);
  assert.throws(() => makeBlobs({ clusterStd: [1, 2] }), /clusterStd must be a number or one value per center \(3\), got \[1,2\]/);
  assert.throws(() => makeBlobs({ clusterStd: -1 }), /clusterStd must be non-negative, got -1/);
  assert.throws(() => makeBlobs({ centers: 2, clusterStd: [1, -2] }), /clusterStd\[1\]=-2/);
  assert.throws(() => makeBlobs({ nSamples: [] }), /nSamples must be an integer or a non-empty array of counts, got \[\]/);
});

test('shuffleArrays equals sklearn.utils.shuffle (one order for all arrays, optional nSamples)', () => {
  const cases = (fx as unknown as { shuffles: { n: number; randomState: number; nSamples: number | null; a: number[]; b: number[] }[] }).shuffles;
  for (const c of cases) {
    const a = Array.from({ length: c.n }, (_, i) => i);
    const b = a.map((v) => v * 10);
    const [sa, sb] = shuffleArrays([a, b], { randomState: c.randomState, nSamples: c.nSamples ?? undefined });
    assert.deepEqual(sa, c.a);
    assert.deepEqual(sb, c.b);
  }
  assert.deepEqual(shuffleArrays([]), []);
  assert.throws(() => shuffleArrays([[1, 2]], { nSamples: 3 }), /Cannot sample 3 out of arrays with dim 2/);
  assert.throws(() => shuffleArrays([[1, 2], [1]]), /inconsistent numbers of samples: \[2, 1\]/);
});
