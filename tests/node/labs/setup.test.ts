// The labs' plain-data side: presets as the homework writes them, data made and split as the notebook does, and
// the editor's fields (refusing impossible setups by field, round-tripping every preset).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  labPreset,
  LAB_PRESET_NAMES,
  prepareLabData,
  fieldsFromSetup,
  setupFromFields,
  DATA_CHOICES,
  type LabFields,
} from '../../../src/labs/index.js';
import { makeCircles, MinMaxScaler, trainTestSplit } from '../../../src/data/index.js';

test('problem 1’s data: make_circles(1000), scaled to [-1, 1], 800 train / 200 test, validated on the test split', () => {
  const d = prepareLabData(labPreset('vanishing-fixed').data);
  const { X, y } = makeCircles({ nSamples: 1000, noise: 0.08, randomState: 1 });
  const Xs = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(X);
  const [XTrain, XTest, yTrain, yTest] = trainTestSplit([Xs, y], { trainSize: 0.8, randomState: 42 });
  assert.deepEqual(d.train.X, XTrain);
  assert.deepEqual(d.test.y, yTest);
  assert.deepEqual(d.train.y, yTrain);
  assert.equal(d.test.X.length, XTest.length);
  assert.equal(d.validationIsTest, true);
  assert.equal(d.validation, d.test);
  assert.equal(d.points.length, 1000);
  assert.equal(d.classes, 2);
  assert.ok(d.extent.x[0] < -1 && d.extent.x[1] > 1);
});

test('problems 6–8’s data: make_circles(600, noise .25, factor .5), first 200 train, next 200 validation, last 200 test', () => {
  const d = prepareLabData(labPreset('overfit').data);
  const { X, y } = makeCircles({ nSamples: 600, noise: 0.25, randomState: 0, factor: 0.5 });
  assert.deepEqual(d.train.X, X.slice(0, 200));
  assert.deepEqual(d.validation.y, y.slice(200, 400));
  assert.deepEqual(d.test.X, X.slice(400));
  assert.equal(d.validationIsTest, false);
  assert.equal(d.points.filter((p) => p.split === 'validation').length, 200);
});

test('every data choice makes two classes', () => {
  for (const [k, c] of Object.entries(DATA_CHOICES)) {
    const d = prepareLabData(c.spec);
    assert.equal(d.classes, 2, k);
    assert.ok(d.train.X.length > 0 && d.test.X.length > 0, k);
  }
  assert.throws(() => prepareLabData({ name: 'circles', nSamples: 100, split: { kind: 'slices', train: 80, validation: 20, test: 20 } }), /120 points/);
});

test('the presets are the homework’s setups', () => {
  const bad = labPreset('vanishing-bad');
  assert.equal(bad.model.layers.length, 4);
  assert.deepEqual(bad.model.layers[0], { type: 'dense', units: 5, activation: 'tanh', kernelInitializer: { name: 'random_uniform', minval: -1, maxval: 1 } });
  assert.deepEqual(bad.train.optimizer, { name: 'sgd', learningRate: 0.01 });
  assert.equal(bad.train.epochs, 300);
  assert.equal(bad.train.batchSize, 32);
  const fixed = labPreset('vanishing-fixed');
  // Compared side by side on the same data and seeds, as the notebook runs both under one global seed.
  assert.deepEqual(bad.data, fixed.data);
  assert.equal(bad.model.seed, fixed.model.seed);
  assert.equal(bad.train.seed, fixed.train.seed);
  assert.deepEqual(fixed.model.layers[2], { type: 'dense', units: 5, activation: 'relu', kernelInitializer: { name: 'he_normal', seed: 42 } });
  assert.equal(fixed.train.optimizer.name, 'adam');
  const overfit = labPreset('overfit');
  assert.equal(overfit.model.layers.length, 8);
  assert.equal(overfit.train.epochs, 1000);
  assert.deepEqual(overfit.model.layers[7], { type: 'dense', units: 1, activation: 'sigmoid' });
  assert.deepEqual(labPreset('early-stopping').train.callbacks, [{ name: 'EarlyStopping', monitor: 'val_loss', patience: 20, restoreBestWeights: true }]);
  assert.ok(labPreset('l1').model.layers.every((l) => l.type === 'dense' && l.kernelRegularizer?.l1 === 0.001));
  assert.ok(labPreset('l2').model.layers.every((l) => l.type === 'dense' && l.kernelRegularizer?.l2 === 0.01));
  // A fresh copy each time.
  (labPreset('l1').model.layers[0] as { units: number }).units = 3;
  assert.equal((labPreset('l1').model.layers[0] as { units: number }).units, 20);
  assert.throws(() => labPreset('nope' as never), /unknown lab preset "nope"/);
});

test('every preset round-trips through the editor’s fields unchanged', () => {
  for (const name of LAB_PRESET_NAMES) {
    const p = labPreset(name);
    const setup = { data: p.data, model: p.model, train: p.train };
    const { setup: back, problems } = setupFromFields(fieldsFromSetup(setup), setup);
    assert.deepEqual(problems, [], name);
    assert.deepEqual(back, setup, name);
  }
});

test('editing the fields changes just what was edited', () => {
  const p = labPreset('vanishing-bad');
  const f = fieldsFromSetup(p);
  assert.deepEqual(f.layers, [{ units: '5', activation: 'tanh' }, { units: '5', activation: 'tanh' }, { units: '5', activation: 'tanh' }]);
  assert.equal(f.initializer, 'random_uniform');
  assert.equal(f.data, 'circles-1');
  const edited: LabFields = { ...f, layers: f.layers.map((l) => ({ ...l, activation: 'relu' })), initializer: 'he_normal', optimizer: 'adam', learningRate: '0.001' };
  const { setup } = setupFromFields(edited, p);
  assert.deepEqual(setup!.model.layers[0], { type: 'dense', units: 5, activation: 'relu', kernelInitializer: 'he_normal' });
  assert.deepEqual(setup!.model.layers[3], { type: 'dense', units: 1, activation: 'sigmoid', kernelInitializer: 'he_normal' });
  assert.deepEqual(setup!.train.optimizer, { name: 'adam', learningRate: 0.001 });
  const es = setupFromFields({ ...fieldsFromSetup(labPreset('overfit')), earlyStopping: true, patience: '5', l1: '0.01' }, labPreset('overfit')).setup!;
  assert.deepEqual(es.train.callbacks, [{ name: 'EarlyStopping', monitor: 'val_loss', patience: 5, restoreBestWeights: true }]);
  assert.deepEqual((es.model.layers[7] as { kernelRegularizer?: unknown }).kernelRegularizer, { l1: 0.01 });
  const sched = setupFromFields({ ...f, schedule: 'ExponentialDecay', learningRate: '0.1' }, p).setup!;
  assert.equal(typeof sched.train.optimizer.learningRate, 'object');
  assert.equal((sched.train.optimizer.learningRate as { initialLearningRate: number }).initialLearningRate, 0.1);
  assert.equal(fieldsFromSetup(sched).learningRate, '0.1');
  const seeded = setupFromFields({ ...fieldsFromSetup(labPreset('vanishing-fixed')), seed: '11' }, labPreset('vanishing-fixed')).setup!;
  assert.equal(seeded.model.seed, 11);
  assert.equal(seeded.train.seed, 11);
  assert.deepEqual((seeded.model.layers[0] as { kernelInitializer: unknown }).kernelInitializer, { name: 'he_normal', seed: 11 });
});

test('an impossible setup is refused field by field, naming each', () => {
  const p = labPreset('vanishing-fixed');
  const f = fieldsFromSetup(p);
  const cases: Array<[Partial<LabFields>, string, RegExp]> = [
    [{ layers: [] }, 'layers', /add at least one hidden layer/],
    [{ layers: [{ units: '0', activation: 'relu' }] }, 'layers.0.units', /Layer 1 units must be a whole number from 1 to 256, got "0"/],
    [{ learningRate: '-0.1' }, 'learningRate', /Learning rate must be a number above 0.*got "-0.1"/],
    [{ l1: 'abc' }, 'l1', /L1 must be a number from 0 to 10, got "abc"/],
    [{ batchSize: '0' }, 'batchSize', /Batch size/],
    [{ epochs: '2.5' }, 'epochs', /Epochs must be a whole number/],
    [{ earlyStopping: true, patience: '' }, 'patience', /Patience/],
  ];
  for (const [patch, field, message] of cases) {
    const { setup, problems } = setupFromFields({ ...f, ...patch }, p);
    assert.equal(setup, undefined, field);
    assert.equal(problems.length, 1, field);
    assert.equal(problems[0].field, field);
    assert.match(problems[0].message, message);
  }
  const many = setupFromFields({ ...f, l1: 'abc', l2: '-1', learningRate: 'x' }, p).problems.map((q) => q.field);
  assert.deepEqual(many, ['learningRate', 'l1', 'l2']);
});
