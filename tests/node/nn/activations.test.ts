/** Activations: values and derivatives (against finite differences), Keras's defaults, numerical stability. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation, softmaxJacobian, LEAKY_RELU_ALPHA } from '../../../src/core.js';
import { activateInPlace, backpropActivation, derFromCache } from '../../../src/nn/activations.js';

const ELEMENTWISE = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus'] as const;
const POINTS = [-3.1, -1, -0.2, 0.3, 1.7, 4];

test('each activation’s der is the derivative of its output (central differences)', () => {
  for (const name of ELEMENTWISE) {
    const act = getActivation(name);
    for (const x of POINTS) {
      const h = 1e-6;
      const fd = (act.output(x + h) - act.output(x - h)) / (2 * h);
      assert.ok(Math.abs(act.der(x) - fd) < 1e-7, `${name}′(${x}): ${act.der(x)} vs ${fd}`);
      assert.equal(derFromCache(act, x, act.output(x)), act.der(x) === 0 ? 0 : derFromCache(act, x, act.output(x)));
      assert.ok(Math.abs(derFromCache(act, x, act.output(x)) - act.der(x)) < 1e-12, `${name} cached derivative at ${x}`);
    }
  }
});

test('Keras defaults: leaky_relu alpha 0.3 (tf.keras.layers.LeakyReLU), elu alpha 1; options override', () => {
  assert.equal(LEAKY_RELU_ALPHA, 0.3);
  assert.equal(getActivation('leaky_relu').output(-2), -0.6);
  assert.equal(getActivation({ name: 'leaky_relu', alpha: 0.2 }).output(-2), -0.4);
  assert.ok(Math.abs(getActivation('elu').output(-1) - (Math.exp(-1) - 1)) < 1e-15);
  assert.ok(Math.abs(getActivation({ name: 'elu', alpha: 2 }).output(-1) - 2 * (Math.exp(-1) - 1)) < 1e-15);
  assert.equal(getActivation(undefined).name, 'linear');
});

test('relu′(0) = 0 (TensorFlow passes the gradient only where z > 0)', () => {
  assert.equal(getActivation('relu').der(0), 0);
  assert.equal(getActivation('relu').output(0), 0);
});

test('sigmoid and softplus do not overflow', () => {
  const s = getActivation('sigmoid');
  const sp = getActivation('softplus');
  assert.equal(s.output(1000), 1);
  assert.equal(s.output(-1000), 0);
  assert.equal(sp.output(1000), 1000);
  assert.equal(sp.output(-1000), 0);
  assert.ok(Math.abs(sp.output(-40) - Math.exp(-40)) < 1e-30);
});

test('batch loops equal the scalar forms; softmax rows (with scale) sum to 1 and match its Jacobian', () => {
  for (const name of ELEMENTWISE) {
    const act = getActivation(name);
    const z = Float64Array.from(POINTS);
    const a = new Float64Array(z.length);
    activateInPlace(act, z, a, z.length, z.length);
    z.forEach((v, i) => assert.ok(Math.abs(a[i] - act.output(v)) < 1e-15, name));
    const da = Float64Array.from(POINTS, (_, i) => i + 1);
    const dz = new Float64Array(z.length);
    backpropActivation(act, z, a, da, dz, z.length, z.length);
    z.forEach((v, i) => assert.ok(Math.abs(dz[i] - da[i] * act.der(v)) < 1e-12, `${name} backprop`));
  }
  for (const scale of [1, 10]) {
    const act = getActivation({ name: 'softmax', scale });
    const z = Float64Array.from([0.1, -0.3, 0.25, 2, -1, 0]);
    const a = new Float64Array(6);
    activateInPlace(act, z, a, 6, 3);
    assert.ok(Math.abs(a[0] + a[1] + a[2] - 1) < 1e-15 && Math.abs(a[3] + a[4] + a[5] - 1) < 1e-15);
    const e = [0.1, -0.3, 0.25].map((v) => Math.exp(scale * v));
    assert.ok(Math.abs(a[0] - e[0] / (e[0] + e[1] + e[2])) < 1e-15);
    // Jacobian by finite differences.
    const J = softmaxJacobian(a.subarray(0, 3), scale);
    const h = 1e-7;
    for (let j = 0; j < 3; j++) {
      const up = z.slice(0, 3);
      const dn = z.slice(0, 3);
      up[j] += h;
      dn[j] -= h;
      const au = new Float64Array(3);
      const ad = new Float64Array(3);
      activateInPlace(act, up, au, 3, 3);
      activateInPlace(act, dn, ad, 3, 3);
      for (let i = 0; i < 3; i++) assert.ok(Math.abs(J[i * 3 + j] - (au[i] - ad[i]) / (2 * h)) < 1e-6, `J[${i}][${j}] scale ${scale}`);
    }
    // Backprop is Jᵀ·da.
    const da = Float64Array.from([0.5, -2, 1]);
    const dz = new Float64Array(3);
    backpropActivation(act, z, a, da, dz, 3, 3);
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let i = 0; i < 3; i++) s += J[i * 3 + j] * da[i];
      assert.ok(Math.abs(dz[j] - s) < 1e-14);
    }
  }
});

test('unknown activations and bad options are refused by name', () => {
  assert.throws(() => getActivation('swish' as never), /activation must be one of .*got "swish"/);
  assert.throws(() => getActivation({ name: 'softmax', scale: 0 }), /activation.scale must be a finite non-zero number, got 0/);
});
