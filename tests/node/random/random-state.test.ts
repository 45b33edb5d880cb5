import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import { loadFixture, assertClose } from '../data/fixtures.js';

interface Call { method: string; args: any[]; out: any }
interface Script { seed: number | number[]; calls: Call[]; finalPos: number; finalHasGauss: boolean; finalGauss: number }
const fx = loadFixture<{
  scripts: Script[];
  long: Record<string, { seed: number; out: number[] }>;
  states: { seed: number | number[]; key: number[]; pos: number }[];
}>('random_state.json');

/** Gaussians go through Math.log, which may differ from glibc's log by an ulp: allow a few ulps. */
const gaussTol = (v: number) => 8 * Number.EPSILON * Math.max(1, Math.abs(v));

function run(rs: RandomState, c: Call): unknown {
  const a = c.args;
  switch (c.method) {
    case 'randomUint32Array': return Array.from(rs.randomUint32Array(a[0]));
    case 'randomSample': return Array.from(rs.randomSample(a[0]));
    case 'standardNormal': return Array.from(rs.standardNormal(a[0]));
    case 'normal': return Array.from(rs.normal(a[0], a[1], a[2]));
    case 'uniform': return Array.from(rs.uniform(a[0], a[1], a[2]));
    case 'randint': return rs.randint(a[0], a[1], a[2]);
    case 'permutation': return rs.permutation(a[0]);
    case 'shuffleList': return rs.shuffle([...a[0]]);
    case 'shuffleRows': return rs.shuffle(a[0].map((r: number[]) => r.slice()));
    default: throw new Error(`unknown method ${c.method}`);
  }
}

for (const script of fx.scripts) {
  test(`RandomState(${JSON.stringify(script.seed).slice(0, 20)}) replays numpy's call sequence`, () => {
    const rs = new RandomState(script.seed);
    for (const [k, c] of script.calls.entries()) {
      const got = run(rs, c) as any[];
      const where = `call ${k} ${c.method}(${c.args.map((x) => JSON.stringify(x)).join(', ').slice(0, 40)})`;
      if (c.method === 'standardNormal' || c.method === 'normal') {
        assert.equal(got.length, c.out.length, where);
        c.out.forEach((v: number, i: number) => assertClose(got[i], v, gaussTol(v), `${where}[${i}]`));
      } else {
        // Integers, shuffles and uniform doubles are bit-for-bit.
        assert.deepEqual(got, c.out, where);
      }
    }
    const st = rs.getState();
    assert.equal(st.pos, script.finalPos);
    assert.equal(st.hasGauss, script.finalHasGauss);
    assertClose(st.gauss, script.finalGauss, gaussTol(script.finalGauss), 'cached gauss');
  });
}

test('long streams cross several regenerations of the state', () => {
  const { uint32, randomSample, standardNormal, permutation } = fx.long;
  assert.deepEqual(Array.from(new RandomState(uint32.seed).randomUint32Array(uint32.out.length)), uint32.out);
  assert.deepEqual(Array.from(new RandomState(randomSample.seed).randomSample(randomSample.out.length)), randomSample.out);
  assert.deepEqual(new RandomState(permutation.seed).permutation(permutation.out.length), permutation.out);
  const g = new RandomState(standardNormal.seed).standardNormal(standardNormal.out.length);
  let exact = 0;
  standardNormal.out.forEach((v, i) => {
    assertClose(g[i], v, gaussTol(v), `standardNormal[${i}]`);
    if (g[i] === v) exact++;
  });
  assert.ok(exact >= standardNormal.out.length * 0.95, `only ${exact} of ${standardNormal.out.length} Gaussians bit-exact`);
});

test('seeding (init_genrand for an int, init_by_array for an array) gives numpy\'s key words', () => {
  for (const s of fx.states) {
    const st = new RandomState(s.seed).getState();
    assert.deepEqual(Array.from(st.key), s.key, JSON.stringify(s.seed));
    assert.equal(st.pos, s.pos);
  }
});

test('getState/setState and clone reproduce the stream, cached Gaussian included', () => {
  const rs = new RandomState(99);
  rs.standardNormal(3); // leaves a cached Gaussian
  const snap = rs.getState();
  const twin = rs.clone();
  const a = [...rs.standardNormal(4), ...rs.randint(0, 100, 5)];
  assert.deepEqual([...twin.standardNormal(4), ...twin.randint(0, 100, 5)], a);
  rs.setState(snap);
  assert.deepEqual([...rs.standardNormal(4), ...rs.randint(0, 100, 5)], a);
  snap.key[0] ^= 1; // the snapshot is a copy: changing it changes nothing
  rs.setState(twin.getState());
  assert.deepEqual(rs.randomUint32(), twin.randomUint32());
});

test('seed() re-seeds in place and drops the cached Gaussian', () => {
  const rs = new RandomState(5);
  rs.standardNormal(1);
  rs.seed(5);
  assert.deepEqual(rs.standardNormal(3), new RandomState(5).standardNormal(3));
});

test('single-value helpers follow the same stream', () => {
  const a = new RandomState(17);
  const b = new RandomState(17);
  assert.equal(a.nextDouble(), b.randomSample(1)[0]);
  assert.equal(a.nextGaussian(), b.standardNormal(1)[0]);
  assert.equal(a.randintOne(0, 1000), b.randint(0, 1000, 1)[0]);
  assert.equal(a.randintOne(50), b.randint(0, 50, 1)[0]);
  // random_interval(max) and randint(0, max + 1) draw the same masked words
  assert.equal(a.randomInterval(9), b.randint(0, 10, 1)[0]);
  assert.equal(a.randomInterval(2 ** 40), b.randint(0, 2 ** 40 + 1, 1)[0]);
  assert.equal(a.randomInterval(0), 0); // draws nothing
  assert.equal(a.randomUint32(), b.randomUint32());
});

test('bad arguments are refused with the argument and its value', () => {
  assert.throws(() => new RandomState(-1), /seed must be an integer between 0 and 2\*\*32 - 1, got -1/);
  assert.throws(() => new RandomState(2 ** 32), /seed .* got 4294967296/);
  assert.throws(() => new RandomState(1.5), /seed .* got 1.5/);
  assert.throws(() => new RandomState([]), /seed must be a non-empty array/);
  assert.throws(() => new RandomState([1, -2]), /seed\[1\] .* got -2/);
  const rs = new RandomState(0);
  assert.throws(() => rs.randomSample(-1), /n must be a non-negative integer, got -1/);
  assert.throws(() => rs.standardNormal(2.5), /n must be a non-negative integer, got 2.5/);
  assert.throws(() => rs.normal(0, -1, 3), /scale must be non-negative, got -1/);
  assert.throws(() => rs.uniform(0, Infinity, 3), /high - low must be finite, got low=0, high=Infinity/);
  assert.throws(() => rs.randint(5, 5, 3), /low >= high \(low=5, high=5\)/);
  assert.throws(() => rs.randint(0, 0.5, 3), /high must be a safe integer, got 0.5/);
  assert.throws(() => rs.randint(-(2 ** 53) + 1, 2 ** 53 - 1, 1), /high - low must be at most 2\*\*53/);
  assert.throws(() => rs.setState({ key: new Uint32Array(3), pos: 0, hasGauss: false, gauss: 0 }), /state.key must hold 624 words, got 3/);
});
