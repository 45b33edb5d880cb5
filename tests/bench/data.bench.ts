/** Data set generation and RandomState throughput. */
import { RandomState } from '../../src/random/index.js';
import { makeBlobs, makeCircles, makeMoons, MinMaxScaler, trainTestSplit } from '../../src/data/index.js';
import { timeMs, type BenchRow } from './types.js';

export default async function dataBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const circles1k = await timeMs(() => makeCircles({ nSamples: 1000, noise: 0.08, randomState: 1 }), 21, 5);
  rows.push({ name: 'makeCircles n=1000 noise=0.08', value: circles1k, unit: 'ms', target: '< 5 ms' });
  const circles100k = await timeMs(() => makeCircles({ nSamples: 100_000, noise: 0.08, randomState: 1 }), 5, 1);
  rows.push({ name: 'makeCircles n=100000 noise=0.08', value: circles100k, unit: 'ms', target: '< 200 ms' });
  const moons = await timeMs(() => makeMoons({ nSamples: 1000, noise: 0.1, randomState: 0 }), 21, 5);
  rows.push({ name: 'makeMoons n=1000 noise=0.1', value: moons, unit: 'ms', target: '< 5 ms' });
  const blobs = await timeMs(() => makeBlobs({ nSamples: 1000, nFeatures: 2, centers: 3, randomState: 0 }), 21, 5);
  rows.push({ name: 'makeBlobs n=1000 3 centers 2-D', value: blobs, unit: 'ms', target: '< 5 ms' });
  const pipeline = await timeMs(() => {
    const { X, y } = makeCircles({ nSamples: 1000, noise: 0.08, randomState: 1 });
    const Xs = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(X);
    return trainTestSplit([Xs, y], { trainSize: 0.8, randomState: 42 });
  }, 21, 5);
  rows.push({ name: 'homework 1 pipeline (circles, scaler, split) n=1000', value: pipeline, unit: 'ms', target: '< 10 ms' });

  const N = 1_000_000;
  const rs = new RandomState(0);
  const perSec = (ms: number) => N / (ms / 1000) / 1e6;
  const uniformMs = await timeMs(() => rs.randomSample(N), 5, 1);
  const normalMs = await timeMs(() => rs.standardNormal(N), 5, 1);
  rows.push({
    name: 'RandomState.standardNormal(1e6)',
    value: perSec(normalMs),
    unit: 'M values/s',
    note: `${normalMs.toFixed(1)} ms`,
    baseline: { name: 'randomSample(1e6)', value: perSec(uniformMs) },
  });
  const randintMs = await timeMs(() => rs.randint(0, 1000, N), 5, 1);
  rows.push({ name: 'RandomState.randint(0, 1000, 1e6)', value: perSec(randintMs), unit: 'M values/s', note: `${randintMs.toFixed(1)} ms` });
  const randint64Ms = await timeMs(() => rs.randint(0, 2 ** 40, N), 5, 1);
  rows.push({ name: 'RandomState.randint(0, 2**40, 1e6)', value: perSec(randint64Ms), unit: 'M values/s', note: `${randint64Ms.toFixed(1)} ms` });
  const uint32Ms = await timeMs(() => rs.randomUint32Array(N), 5, 1);
  rows.push({ name: 'RandomState.randomUint32Array(1e6)', value: perSec(uint32Ms), unit: 'M values/s', note: `${uint32Ms.toFixed(1)} ms` });
  const permMs = await timeMs(() => rs.permutation(N), 5, 1);
  rows.push({ name: 'RandomState.permutation(1e6)', value: permMs, unit: 'ms' });
  return rows;
}
