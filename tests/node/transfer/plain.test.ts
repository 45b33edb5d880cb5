// The transfer lab's plain parts: counts and the baseline on the real files, scores, the 10→4 mapping, the
// comparison's sentence, which layers train and cache, and the time-budget offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCifar10, relabel } from '../../../src/data/index.js';
import {
  balancedAccuracy,
  cachePlan,
  classCounts,
  classificationScores,
  compareModels,
  defaultReuseCut,
  majorityBaseline,
  mapPredictions,
  offerStage,
  relabelCounts,
  topConvLayers,
  type LayerLike,
} from '../../../src/transfer/index.js';
import { readCifar, readIndex } from '../cifar10/data.js';

const CLASSES = ['car', 'cat', 'truck', 'other'];

test("relabel counts match the files' own labels (index files), and the majority baseline is “other”", () => {
  for (const [bin, index, per] of [
    ['cifar10_tiny_100.bin', 'cifar10_tiny_100_index.txt', 10],
    ['cifar10_test_2k.bin', 'cifar10_test_2k_index.txt', 200],
  ] as const) {
    const { labels } = parseCifar10(readCifar(bin));
    const fromIndex = classCounts(readIndex(index).map((r) => r.label), 10);
    assert.deepEqual(classCounts(labels, 10), fromIndex, `${bin}: parsed labels agree with the index file`);
    const counted = classCounts(relabel(labels), 4);
    assert.deepEqual(relabelCounts(fromIndex), counted, `${bin}: mapping the counts = counting the mapped labels`);
    // car, cat, truck, and the 7 other classes (airplane included, as the label_map says).
    assert.deepEqual(counted, [per, per, per, 7 * per]);
    const base = majorityBaseline(counted);
    assert.deepEqual(base, { classIndex: 3, accuracy: 0.7, balancedAccuracy: 0.25, count: 10 * per });
  }
  assert.throws(() => majorityBaseline([0, 0]), /no examples/);
  assert.throws(() => relabelCounts([1, 2], { 0: 9 }, 3, 4), /label 0 maps to 9/);
  assert.throws(() => classCounts([1], 0), /positive integer/);
});

test('scores: accuracy, per-class recall, balanced accuracy (mean recall over present classes), confusion', () => {
  const truth = [0, 0, 1, 1, 1, 3, 3, 3, 3, 3];
  const pred = [0, 1, 1, 1, 3, 3, 3, 3, 0, 3];
  const s = classificationScores(truth, pred, 4);
  assert.equal(s.accuracy, 0.7);
  assert.deepEqual(s.support, [2, 3, 0, 5]);
  assert.deepEqual(s.perClass.map((r) => (Number.isNaN(r) ? 'NaN' : r)), [0.5, 2 / 3, 'NaN', 0.8]);
  // scikit-learn's balanced_accuracy_score: (0.5 + 2/3 + 0.8) / 3, class 2 has no examples.
  assert.ok(Math.abs(s.balancedAccuracy - (0.5 + 2 / 3 + 0.8) / 3) < 1e-15);
  assert.deepEqual(s.confusion[3], [1, 0, 0, 4]);
  assert.ok(Number.isNaN(balancedAccuracy([[0, 0], [0, 0]])));
  assert.throws(() => classificationScores([0, 1], [0], 2), /2 true labels but 1 predictions/);
  assert.throws(() => classificationScores([], [], 2), /no examples/);
});

test('mapPredictions: the argmax of 10 probabilities, then the label map (airplane → other)', () => {
  const rows = [
    [0.9, 0.1, 0, 0, 0, 0, 0, 0, 0, 0], // airplane → other
    [0.1, 0.6, 0, 0.3, 0, 0, 0, 0, 0, 0], // automobile → car
    [0, 0, 0, 0.5, 0, 0.4, 0, 0, 0, 0.1], // cat → cat
    [0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0.8], // truck → truck
    [0, 0, 0.35, 0.3, 0, 0.35, 0, 0, 0, 0], // tie bird/dog: the lower class, bird → other
  ];
  assert.deepEqual([...mapPredictions(rows.flat())], [3, 0, 1, 2, 3]);
  assert.deepEqual([...mapPredictions([0.2, 0.8, 0.7, 0.3], 2, { 1: 0 }, 5)], [0, 5]);
});

test('the comparison names the better model by balanced accuracy, where it gains and loses, chance and the baseline', () => {
  // 20 images: 2 car, 2 cat, 2 truck, 14 other.
  const truth = [0, 0, 1, 1, 2, 2, ...new Array(14).fill(3)];
  const original = [3, 0, 3, 3, 2, 3, ...new Array(14).fill(3)]; // says "other" nearly always
  const transferred = [0, 0, 1, 1, 2, 2, ...new Array(10).fill(3), 0, 1, 2, 0];
  const c = compareModels(truth, { name: 'the original model', predicted: original }, { name: 'the new model', predicted: transferred }, { classNames: CLASSES, disagreements: 3 });
  assert.equal(c.scores[0].accuracy, 16 / 20);
  assert.equal(c.scores[1].accuracy, 16 / 20);
  assert.equal(c.onlyFirst, 4);
  assert.equal(c.onlySecond, 4);
  assert.equal(c.significant, false);
  assert.deepEqual(c.disagreements, [0, 2, 3]);
  assert.deepEqual(c.baseline, { classIndex: 3, accuracy: 0.7, balancedAccuracy: 0.25, count: 20 });
  assert.equal(
    c.sentence,
    'The new model is better: balanced accuracy 92.9% against 50.0% (accuracy 80.0% against 80.0%). ' +
      'It gains most on cat (100.0% of them right against 0.0%). The original model still does better on other (100.0% against 71.4%). ' +
      "On these 20 test images their accuracies are equal (McNemar's test: 4 images only the original model got right, 4 only the new model). " +
      'Always answering “other” scores 70.0% accuracy and 25.0% balanced accuracy.',
  );
  const same = compareModels(truth, { name: 'A', predicted: original }, { name: 'B', predicted: original }, { classNames: CLASSES });
  assert.match(same.sentence, /^A and B are about as good/);
  assert.match(same.sentence, /their accuracies are equal \(McNemar's test: 0 images only A got right, 0 only B\)/);
  const weak = compareModels(truth, { name: 'A', predicted: new Array(20).fill(3) }, { name: 'B', predicted: truth }, { classNames: CLASSES });
  assert.equal(weak.significant, true, '6 images only B got right, none only A: (6−1)²/6 > 3.84');
  assert.match(weak.sentence, /B is better: balanced accuracy 100\.0% against 25\.0%/);
  assert.match(weak.sentence, /B’s higher accuracy is more than chance would explain \(McNemar's test: 0 images only A got right, 6 only B\)/);
  assert.match(weak.sentence, /A is no better than that in accuracy\.$/);
});

// The homework CNN as describeModel lists it (activations folded), and as a Keras-converted model lists it.
const folded: LayerLike[] = [
  ['conv2d', 'Conv2D', 896], ['conv2d_1', 'Conv2D', 9248], ['max_pooling2d', 'MaxPooling2D', 0], ['dropout', 'Dropout', 0],
  ['conv2d_2', 'Conv2D', 18496], ['conv2d_3', 'Conv2D', 36928], ['max_pooling2d_1', 'MaxPooling2D', 0], ['dropout_1', 'Dropout', 0],
  ['flatten', 'Flatten', 0], ['head_dense', 'Dense', 1180160], ['head_dropout', 'Dropout', 0], ['head_output', 'Dense', 2052],
].map(([name, className, params], i) => ({ name: name as string, className: className as string, params: params as number, trainable: i > 8 }));

test('layers: the reuse cut is the Flatten, the top two convs, and the cache point below the trainable layers', () => {
  assert.equal(defaultReuseCut(folded), 8);
  assert.deepEqual(topConvLayers(folded), ['conv2d_2', 'conv2d_3']);
  // Stage 1: the head trains; dropout_1 (and the Flatten) run each step on the cached max_pooling2d_1 output.
  assert.deepEqual(cachePlan(folded), { from: 7, at: 'max_pooling2d_1', trainable: ['head_dense', 'head_output'], frozenAbove: [] });
  // Stage 2: the top two convs train too; the cache moves below the dropout before them.
  const stage2 = folded.map((l) => (l.name === 'conv2d_2' || l.name === 'conv2d_3' ? { ...l, trainable: true } : l));
  assert.deepEqual(cachePlan(stage2), { from: 3, at: 'max_pooling2d', trainable: ['conv2d_2', 'conv2d_3', 'head_dense', 'head_output'], frozenAbove: [] });
  // Only conv2d_3 unfrozen and the head frozen: conv2d_3 and what follows run, the frozen head among them.
  const odd = folded.map((l) => ({ ...l, trainable: l.name === 'conv2d_3' }));
  assert.deepEqual(cachePlan(odd), { from: 5, at: 'conv2d_2', trainable: ['conv2d_3'], frozenAbove: ['head_dense', 'head_output'] });
  // Everything trainable: nothing to cache.
  assert.equal(cachePlan(folded.map((l) => ({ ...l, trainable: true }))).at, null);
  assert.throws(() => cachePlan(folded.map((l) => ({ ...l, trainable: false }))), /No layer with weights is trainable/);
  assert.throws(() => defaultReuseCut(folded.slice(0, 9)), /no Dense layer/);
  assert.throws(() => topConvLayers(folded.slice(2), 3), /has 2 convolutional layers; cannot unfreeze the top 3/);
  // Keras's homework code: separate Activation layers. The cut is still the Flatten.
  const keras: LayerLike[] = ['Conv2D', 'Activation', 'MaxPooling2D', 'Dropout', 'Flatten', 'Dense', 'Activation'].map((className, i) => ({
    name: `l${i}`, className, params: className === 'Conv2D' || className === 'Dense' ? 10 : 0, trainable: i >= 5,
  }));
  assert.equal(defaultReuseCut(keras), 4);
  assert.equal(cachePlan(keras).at, 'l2');
});

test('offerStage: all images when they fit; else the largest whole number of batches within the budget', () => {
  const all = offerStage({ rates: { train: 100 }, available: 1000, batchSize: 32 });
  assert.deepEqual([all.subset, all.epochs, all.fitsAll], [1000, 5, true]);
  assert.equal(all.seconds, 50);
  assert.equal(all.reason, 'Training ran at 100 images/s on the first steps: 5 epochs on all 1,000 training images take about 50 s, within the 3 min budget.');
  // 4 images/s training, 16 images/s caching, 200 test images cached and validated each epoch (12/s): per
  // training image 1/16 + 5/4 s.
  const o = offerStage({ rates: { train: 4, cache: 16, evaluate: 12 }, available: 10000, batchSize: 32, validation: 200, cacheOnly: 200 });
  const fixed = 200 / 16 + (5 * 200) / 12;
  assert.equal(o.subset, Math.floor((180 - fixed) / (1 / 16 + 5 / 4) / 32) * 32);
  assert.ok(o.seconds <= 180 && o.seconds + 32 * (1 / 16 + 5 / 4) > 180, 'one more batch would not fit');
  assert.match(o.reason, /^Training ran at 4\.0 images\/s on the first steps: 5 epochs on 64 of the 10,000 training images take about (2 min \d+ s|3 min), to fit about 3 min\.$/);
  const tiny = offerStage({ rates: { train: 0.1 }, available: 500, batchSize: 64, budgetSeconds: 60, epochs: 10 });
  assert.equal(tiny.subset, 64);
  assert.match(tiny.reason, /more than the 1 min budget even with one batch/);
  assert.throws(() => offerStage({ rates: { train: 0 }, available: 10, batchSize: 2 }), /positive numbers/);
  assert.throws(() => offerStage({ rates: { train: 1 }, available: 10, batchSize: 0 }), /batchSize must be a positive whole number/);
});
