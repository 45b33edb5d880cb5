/** Initializers: Keras's formulas, truncation, seeding (model seed → per-layer streams; an initializer's own seed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import {
  constant,
  dense,
  derivedSeed,
  glorotNormal,
  glorotUniform,
  heNormal,
  heUniform,
  lecunNormal,
  lecunUniform,
  ones,
  randomNormal,
  randomUniform,
  sequential,
  truncatedNormal,
  zeros,
  TRUNCATED_NORMAL_STDDEV,
  type InitializerSpec,
} from '../../../src/core.js';

function kernelOf(init: InitializerSpec, fanIn: number, fanOut: number, seed = 0): Float64Array {
  return sequential([dense(fanOut, { kernelInitializer: init })], { inputShape: [fanIn], seed }).layers[0].kernel;
}

function stats(a: Float64Array): { mean: number; std: number; maxAbs: number } {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  const std = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
  return { mean, std, maxAbs: a.reduce((m, v) => Math.max(m, Math.abs(v)), 0) };
}

test('RandomUniform draws RandomState(derivedSeed(seed, 2·layer)).uniform(min, max, n), row-major [in][out]', () => {
  const k = kernelOf(randomUniform(-1, 1), 2, 5, 7);
  assert.deepEqual(Array.from(k), Array.from(new RandomState(derivedSeed(7, 0)).uniform(-1, 1, 10)));
  assert.equal(derivedSeed(7, 0), 7000);
  assert.equal(derivedSeed(7, 3), 7003);
  assert.equal(derivedSeed(4294967295, 1), (4294967295 * 1000 + 1) % 4294967296);
});

test('an initializer’s own seed wins over the model seed', () => {
  const a = kernelOf(randomNormal(0, 1, 123), 3, 3, 1);
  const b = kernelOf(randomNormal(0, 1, 123), 3, 3, 2);
  assert.deepEqual(a, b);
  assert.deepEqual(Array.from(a), Array.from(new RandomState(123).normal(0, 1, 9)));
});

test('uniform variance-scaling limits: glorot sqrt(6/(in+out)), he sqrt(6/in), lecun sqrt(3/in)', () => {
  const cases: Array<[InitializerSpec, number]> = [
    [glorotUniform(), Math.sqrt(6 / (300 + 200))],
    [heUniform(), Math.sqrt(6 / 300)],
    [lecunUniform(), Math.sqrt(3 / 300)],
  ];
  for (const [init, limit] of cases) {
    const k = kernelOf(init, 300, 200);
    const s = stats(k);
    assert.ok(s.maxAbs <= limit && s.maxAbs > 0.99 * limit, `${JSON.stringify(init)} max ${s.maxAbs} vs ${limit}`);
    assert.ok(Math.abs(s.std - limit / Math.sqrt(3)) < 0.01 * limit, `${JSON.stringify(init)} std`);
  }
});

test('variance-scaling normals are truncated at 2 std with Keras’s correction, so the std is what is asked', () => {
  const cases: Array<[InitializerSpec, number]> = [
    [heNormal(), Math.sqrt(2 / 300)],
    [glorotNormal(), Math.sqrt(2 / (300 + 200))],
    [lecunNormal(), Math.sqrt(1 / 300)],
  ];
  for (const [init, std] of cases) {
    const k = kernelOf(init, 300, 200);
    const s = stats(k);
    const bound = (2 * std) / TRUNCATED_NORMAL_STDDEV;
    assert.ok(s.maxAbs <= bound && s.maxAbs > 0.99 * bound, `${JSON.stringify(init)}: max ${s.maxAbs}, bound ${bound}`);
    assert.ok(Math.abs(s.std - std) < 0.015 * std, `${JSON.stringify(init)}: std ${s.std} vs ${std}`);
    assert.ok(Math.abs(s.mean) < 0.01 * std);
  }
  assert.equal(TRUNCATED_NORMAL_STDDEV, 0.87962566103423978);
});

test('TruncatedNormal(mean, stddev) keeps draws within two stddev; RandomNormal does not truncate', () => {
  const t = kernelOf(truncatedNormal(1, 0.5), 100, 100);
  assert.ok(t.every((v) => v >= 0 && v <= 2));
  const st = stats(t);
  // A normal truncated at ±2σ has std 0.8796σ.
  assert.ok(Math.abs(st.std - 0.5 * TRUNCATED_NORMAL_STDDEV) < 0.01);
  const n = kernelOf(randomNormal(0, 0.05), 100, 100);
  assert.ok(stats(n).maxAbs > 0.1);
  assert.ok(kernelOf(truncatedNormal(), 100, 100).every((v) => Math.abs(v) <= 0.1));
});

test('zeros, ones, constant; biases default to zeros; Dense kernels default to glorot_uniform', () => {
  assert.ok(kernelOf(zeros(), 3, 4).every((v) => v === 0));
  assert.ok(kernelOf(ones(), 3, 4).every((v) => v === 1));
  assert.ok(kernelOf(constant(0.25), 3, 4).every((v) => v === 0.25));
  const m = sequential([dense(4)], { inputShape: [3], seed: 5 });
  assert.ok(m.layers[0].bias.every((v) => v === 0));
  assert.deepEqual(m.layers[0].kernel, kernelOf(glorotUniform(), 3, 4, 5));
  const b = sequential([dense(4, { biasInitializer: ones() })], { inputShape: [3] });
  assert.ok(b.layers[0].bias.every((v) => v === 1));
});

test('each layer has its own stream: changing one layer’s initializer leaves the others as they were', () => {
  const a = sequential([dense(5, { kernelInitializer: heNormal() }), dense(5), dense(1)], { inputShape: [2], seed: 3 });
  const b = sequential([dense(5, { kernelInitializer: heNormal() }), dense(5, { kernelInitializer: randomUniform(-1, 1) }), dense(1)], { inputShape: [2], seed: 3 });
  assert.deepEqual(a.layers[0].kernel, b.layers[0].kernel);
  assert.deepEqual(a.layers[2].kernel, b.layers[2].kernel);
  assert.notDeepEqual(a.layers[1].kernel, b.layers[1].kernel);
  const c = sequential([dense(5, { kernelInitializer: heNormal() }), dense(5), dense(1)], { inputShape: [2], seed: 4 });
  assert.notDeepEqual(a.layers[0].kernel, c.layers[0].kernel);
  // Seeds 0..4 (the 5-seed runs) share no layer stream: seed·1000 + slot never collides for < 500 layers.
  const seeds = new Set<number>();
  for (let s = 0; s < 5; s++) for (let slot = 0; slot < 20; slot++) seeds.add(derivedSeed(s, slot));
  assert.equal(seeds.size, 100);
});
