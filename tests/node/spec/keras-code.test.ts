/**
 * toKerasCode: Python that compiles (`python3 -m py_compile`, skipped without python3) and carries the run's
 * settings with Keras's argument names, for the homework's runs and for every kind of layer, optimizer and callback.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError, toKerasCode } from '../../../src/spec/index.js';
import type { DataSpec, ModelSpec, TrainSpec } from '../../../src/spec/types.js';
import {
  CHAIN_RULE_MODEL,
  CIFAR_MODEL,
  CIFAR_SCHEDULE_TRAIN,
  P1_BAD_MODEL,
  P1_BAD_TRAIN,
  P1_DATA,
  P1_FIXED_MODEL,
  P1_FIXED_TRAIN,
  P6_DATA,
  P6_EARLY_STOPPING,
  P6_TRAIN,
  p6Model,
} from './homework-specs.js';
import { PYTHON_SKIP, pyCompile } from './python.js';

/** Asserts that each expected line occurs in the code as a whole line (leading spaces ignored). */
function assertLines(code: string, expected: string[]): void {
  const lines = new Set(code.split('\n').map((l) => l.trim()));
  for (const line of expected) assert.ok(lines.has(line), `missing line: ${line}\n--- code ---\n${code}`);
}

const P1_COMMON = [
  'import tensorflow as tf',
  'from sklearn.datasets import make_circles',
  'from sklearn.preprocessing import MinMaxScaler',
  'from sklearn.model_selection import train_test_split',
  'X, y = make_circles(n_samples=1000, noise=0.08, random_state=1)',
  'scaler = MinMaxScaler(feature_range=(-1, 1))',
  'X = scaler.fit_transform(X)',
  'X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=0.8, random_state=42)',
  'tf.keras.utils.set_random_seed(42)',
  'tf.keras.Input(shape=(2,)),',
  "loss='binary_crossentropy',",
  "metrics=['accuracy'],",
  'batch_size=32,',
  'epochs=300,',
  'shuffle=True,',
  'validation_data=(X_test, y_test),',
  '_, train_acc = model.evaluate(X_train, y_train, verbose=0)',
  '_, test_acc = model.evaluate(X_test, y_test, verbose=0)',
  'print(f"Train: {train_acc:.3f}, Test: {test_acc:.3f}")',
];

/** Every run this file exports, by name, so the compile test covers them all. */
const RUNS: Record<string, [ModelSpec, TrainSpec, DataSpec?]> = {
  'problem 1, not-so-good': [P1_BAD_MODEL, P1_BAD_TRAIN, P1_DATA],
  'problem 1, fixed': [P1_FIXED_MODEL, P1_FIXED_TRAIN, P1_DATA],
  'problem 6, baseline': [p6Model(), P6_TRAIN, P6_DATA],
  'problem 6, early stopping': [p6Model(), P6_EARLY_STOPPING, P6_DATA],
  'problem 7, L1': [p6Model({ l1: 0.001 }), P6_TRAIN, P6_DATA],
  'problem 8, L2': [p6Model({ l2: 0.01 }), P6_TRAIN, P6_DATA],
  'problem 4, CIFAR-10 with exponential decay': [CIFAR_MODEL, CIFAR_SCHEDULE_TRAIN],
  'chain-rule network': [CHAIN_RULE_MODEL, { optimizer: { name: 'sgd', learningRate: 0.1 }, loss: 'sparse_categorical_crossentropy', epochs: 5 }, { name: 'semicircle', nSamples: 500, randomState: 3 }],
  '1cycle, per-step scheduler, plateau': [
    P1_FIXED_MODEL,
    {
      ...P1_FIXED_TRAIN,
      optimizer: { name: 'sgd', learningRate: { name: 'OneCycle', maxLearningRate: 0.05, totalSteps: 7500 }, momentum: 0.9, nesterov: true },
      callbacks: [{ name: 'TerminateOnNaN' }],
    },
    P1_DATA,
  ],
  'callbacks on a numeric rate': [
    P1_FIXED_MODEL,
    {
      ...P1_FIXED_TRAIN,
      optimizer: { name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0.1, epsilon: 1e-7, centered: true, epsilonPlacement: 'inside' },
      callbacks: [
        { name: 'ReduceLROnPlateau', monitor: 'val_loss', factor: 0.5, patience: 10, minLr: 1e-6, cooldown: 2, mode: 'min', minDelta: 0.001 },
        { name: 'LearningRateScheduler', schedule: { name: 'PiecewiseConstantDecay', boundaries: [100, 200], values: [0.01, 0.005, 0.001] } },
        { name: 'LearningRateScheduler', schedule: { name: 'OneCycle', maxLearningRate: 0.01, totalSteps: 7500 }, perEpoch: false },
        { name: 'EarlyStopping', monitor: 'val_accuracy', mode: 'max', minDelta: 0.001, patience: 20, baseline: 0.5, startFromEpoch: 10, restoreBestWeights: true },
      ],
    },
    P1_DATA,
  ],
  'every layer option, blobs, categorical': [
    {
      inputShape: [2],
      layers: [
        { type: 'dense', units: 8, activation: { name: 'leaky_relu', alpha: 0.1 }, useBias: false, name: 'hidden-1', kernelInitializer: { name: 'truncated_normal', mean: 0, stddev: 0.1, seed: 7 } },
        { type: 'dense', units: 8, activation: { name: 'elu', alpha: 0.5 }, biasInitializer: { name: 'constant', value: 0.1 }, biasRegularizer: { l2: 0.001 }, activityRegularizer: { l1: 0.0001 } },
        { type: 'dropout', rate: 0.2, seed: 1 },
        { type: 'dense', units: 8, activation: 'elu', kernelRegularizer: { l1: 0.001, l2: 0.01 }, kernelInitializer: 'lecun_uniform' },
        { type: 'dense', units: 4, activation: 'softmax', kernelInitializer: { name: 'random_normal', stddev: 0.5 } },
      ],
    },
    { optimizer: { name: 'nadam', beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, loss: 'categorical_crossentropy', metrics: ['accuracy'], epochs: 5, validationSplit: 0.2, shuffle: false, seed: 9 },
    { name: 'blobs', nSamples: 400, centers: 4, clusterStd: 0.8, randomState: 2, split: { kind: 'trainTestSplit', trainSize: 300, scale: [0, 1] } },
  ],
  'logits, no accuracy, moons, adagrad': [
    { inputShape: [2], layers: [{ type: 'dense', units: 4, activation: 'softplus' }, { type: 'dense', units: 1 }] },
    { optimizer: { name: 'adagrad', initialAccumulatorValue: 0.1 }, loss: 'binary_crossentropy', fromLogits: true, epochs: 3 },
    { name: 'moons', nSamples: 200, noise: 0.1, randomState: 0 },
  ],
  'a combination that makes no sense (noted, still written)': [
    { ...P1_FIXED_MODEL, layers: [...P1_FIXED_MODEL.layers.slice(0, 3), { type: 'dense', units: 3, activation: 'sigmoid' }] },
    P1_FIXED_TRAIN,
    P1_DATA,
  ],
  'no data spec, 2-D input': [P1_FIXED_MODEL, P1_FIXED_TRAIN],
};

test('problem 1, not-so-good model: the homework\'s data, tanh + RandomUniform(-1, 1) + SGD', () => {
  const code = toKerasCode(P1_BAD_MODEL, P1_BAD_TRAIN, P1_DATA);
  assertLines(code, [
    ...P1_COMMON,
    'init = tf.keras.initializers.RandomUniform(minval=-1, maxval=1)',
    "tf.keras.layers.Dense(5, activation='tanh', kernel_initializer=init),",
    "tf.keras.layers.Dense(1, activation='sigmoid', kernel_initializer=init),",
    'optimizer=tf.keras.optimizers.SGD(learning_rate=0.01),',
  ]);
  assert.equal(code.trimEnd().split('\n').at(-1), 'print(f"Train: {train_acc:.3f}, Test: {test_acc:.3f}")');
  assert.equal(code.match(/tf\.keras\.layers\.Dense\(5,/g)?.length, 3);
});

test('problem 1, fixed model: relu + HeNormal(seed=42) + Adam with Keras\'s default rate written out', () => {
  const code = toKerasCode(P1_FIXED_MODEL, P1_FIXED_TRAIN, P1_DATA);
  assertLines(code, [
    ...P1_COMMON,
    'init = tf.keras.initializers.HeNormal(seed=42)',
    "tf.keras.layers.Dense(5, activation='relu', kernel_initializer=init),",
    'optimizer=tf.keras.optimizers.Adam(learning_rate=0.001),',
  ]);
});

test('problems 6–8: slices, early stopping, L1 and L2, train/validation/test accuracy', () => {
  const common = [
    'X, y = make_circles(n_samples=600, noise=0.25, random_state=0, factor=0.5)',
    'X_train, y_train = X[:200], y[:200]',
    'X_valid, y_valid = X[200:400], y[200:400]',
    'X_test, y_test = X[400:600], y[400:600]',
    'init = tf.keras.initializers.GlorotUniform(seed=66)',
    "tf.keras.layers.Dense(1, activation='sigmoid'),",
    'epochs=1000,',
    'validation_data=(X_valid, y_valid),',
    '_, valid_acc = model.evaluate(X_valid, y_valid, verbose=0)',
    'print(f"Train: {train_acc:.3f}, Validation: {valid_acc:.3f}, Test: {test_acc:.3f}")',
  ];
  const es = toKerasCode(p6Model(), P6_EARLY_STOPPING, P6_DATA);
  assertLines(es, [
    ...common,
    "tf.keras.layers.Dense(20, activation='relu', kernel_initializer=init),",
    'callbacks = [',
    "tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience=20, restore_best_weights=True),",
    'callbacks=callbacks,',
  ]);
  assert.ok(!es.includes('MinMaxScaler'), 'problems 6–8 do not scale');
  const l1 = toKerasCode(p6Model({ l1: 0.001 }), P6_TRAIN, P6_DATA);
  assertLines(l1, [...common, 'reg = tf.keras.regularizers.L1(0.001)', "tf.keras.layers.Dense(20, activation='relu', kernel_initializer=init, kernel_regularizer=reg),"]);
  assert.ok(!l1.includes('callbacks'));
  const l2 = toKerasCode(p6Model({ l2: 0.01 }), P6_TRAIN, P6_DATA);
  assertLines(l2, [...common, 'reg = tf.keras.regularizers.L2(0.01)']);
});

test('problem 4: CIFAR-10 CNN, RMSprop with an ExponentialDecay schedule object, early stopping', () => {
  const code = toKerasCode(CIFAR_MODEL, CIFAR_SCHEDULE_TRAIN);
  assertLines(code, [
    '(X_train, y_train), (X_test, y_test) = tf.keras.datasets.cifar10.load_data()',
    "X_train = X_train.astype('float32') / 255",
    'tf.keras.Input(shape=(32, 32, 3)),',
    "tf.keras.layers.Conv2D(32, (3, 3), padding='same', activation='relu'),",
    "tf.keras.layers.Conv2D(32, (3, 3), activation='relu'),",
    'tf.keras.layers.MaxPooling2D(pool_size=(2, 2)),',
    'tf.keras.layers.Dropout(0.25),',
    'tf.keras.layers.Flatten(),',
    "tf.keras.layers.Dense(10, activation='softmax'),",
    'lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(',
    'initial_learning_rate=0.0001,',
    'decay_steps=1563,',
    'decay_rate=0.9,',
    'staircase=False,',
    'optimizer=tf.keras.optimizers.RMSprop(learning_rate=lr_schedule),',
    "loss='sparse_categorical_crossentropy',",
    "tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience=5),",
    'epochs=20,',
    'validation_data=(X_test, y_test),',
  ]);
});

test('1cycle: Géron\'s formula as a schedule class, defined once, used as the learning rate', () => {
  const [model, train, data] = RUNS['1cycle, per-step scheduler, plateau'];
  const code = toKerasCode(model, train, data);
  assert.equal(code.match(/^class OneCycleSchedule\(tf\.keras\.optimizers\.schedules\.LearningRateSchedule\):$/gm)?.length, 1);
  assertLines(code, [
    'lr_schedule = OneCycleSchedule(iterations=7500, max_rate=0.05)',
    'optimizer=tf.keras.optimizers.SGD(learning_rate=lr_schedule, momentum=0.9, nesterov=True),',
    'tf.keras.callbacks.TerminateOnNaN(),',
  ]);
});

test('callbacks: plateau, per-epoch and per-step schedulers, early stopping with every option', () => {
  const [model, train, data] = RUNS['callbacks on a numeric rate'];
  const code = toKerasCode(model, train, data);
  assertLines(code, [
    // Too long for one line: one argument a line.
    'optimizer=tf.keras.optimizers.RMSprop(',
    'learning_rate=0.001,',
    'rho=0.9,',
    'momentum=0.1,',
    'epsilon=1e-7,',
    'centered=True,',
    'tf.keras.callbacks.ReduceLROnPlateau(',
    "monitor='val_loss',",
    'factor=0.5,',
    'patience=10,',
    "mode='min',",
    'min_delta=0.001,',
    'cooldown=2,',
    'min_lr=0.000001,',
    'schedule_1 = tf.keras.optimizers.schedules.PiecewiseConstantDecay(',
    'boundaries=[100, 200],',
    'values=[0.01, 0.005, 0.001],',
    'tf.keras.callbacks.LearningRateScheduler(lambda epoch: float(schedule_1(epoch))),',
    'schedule_2 = OneCycleSchedule(iterations=7500, max_rate=0.01)',
    'on_train_batch_begin=lambda batch, logs: model.optimizer.learning_rate.assign(float(schedule_2(model.optimizer.iterations))),',
    'tf.keras.callbacks.EarlyStopping(',
    "monitor='val_accuracy',",
    "mode='max',",
    'baseline=0.5,',
    'restore_best_weights=True,',
    'start_from_epoch=10,',
  ]);
});

test('layers: LeakyReLU / ELU layers for their alphas, the scaled softmax as a Lambda, every initializer and regularizer', () => {
  const [model, train, data] = RUNS['every layer option, blobs, categorical'];
  const code = toKerasCode(model, train, data);
  assertLines(code, [
    'from sklearn.datasets import make_blobs',
    'X, y = make_blobs(n_samples=400, centers=4, cluster_std=0.8, random_state=2)',
    'y = tf.keras.utils.to_categorical(y, num_classes=4)',
    'scaler = MinMaxScaler(feature_range=(0, 1))',
    'X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=300)',
    'tf.keras.layers.Dense(',
    'use_bias=False,',
    'kernel_initializer=tf.keras.initializers.TruncatedNormal(mean=0, stddev=0.1, seed=7),',
    "name='hidden-1',",
    'tf.keras.layers.LeakyReLU(alpha=0.1),',
    'tf.keras.layers.ELU(alpha=0.5),',
    'bias_initializer=tf.keras.initializers.Constant(value=0.1),',
    'bias_regularizer=tf.keras.regularizers.L2(0.001),',
    'activity_regularizer=tf.keras.regularizers.L1(0.0001),',
    'tf.keras.layers.Dropout(0.2, seed=1),',
    "activation='elu',",
    'kernel_regularizer=tf.keras.regularizers.L1L2(l1=0.001, l2=0.01),',
    'kernel_initializer=tf.keras.initializers.LecunUniform(),',
    "activation='softmax',",
    'kernel_initializer=tf.keras.initializers.RandomNormal(stddev=0.5),',
    'optimizer=tf.keras.optimizers.Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7),',
    "loss='categorical_crossentropy',",
    'shuffle=False,',
    'validation_split=0.2,',
    'tf.keras.utils.set_random_seed(9)  # the spec\'s training seed: shuffling, dropout',
  ]);
  assert.ok(!code.includes('validation_data='), 'validation_split takes the place of validation_data');
  const chain = toKerasCode(...RUNS['chain-rule network']);
  assertLines(chain, [
    'tf.keras.layers.Dense(2),',
    '# softmax(10·z): Keras has no softmax with a logit scale, so a Lambda layer applies it',
    'tf.keras.layers.Lambda(lambda z: tf.nn.softmax(10.0 * z)),',
    'import numpy as np',
    'rng = np.random.RandomState(3)',
    'X = rng.uniform(0, 1, size=(500, 2))',
    'train_loss = model.evaluate(X_train, y_train, verbose=0)',
    'print(f"Train loss: {train_loss:.4f}")',
  ]);
});

test('RMSprop: the code says where epsilon sits (inside the root, as current tf.keras, by default)', () => {
  const code = (epsilonPlacement?: 'outside' | 'inside') =>
    toKerasCode(P1_FIXED_MODEL, { ...P1_FIXED_TRAIN, optimizer: { name: 'rmsprop', ...(epsilonPlacement ? { epsilonPlacement } : {}) } }, P1_DATA);
  assertLines(code('inside'), ['optimizer=tf.keras.optimizers.RMSprop(learning_rate=0.001),']);
  assertLines(code('outside'), ['optimizer=tf.keras.optimizers.legacy.RMSprop(learning_rate=0.001),']);
  assert.equal(code(), code('inside'));
  assert.match(code(), /^# epsilon inside the square root, as tf\.keras \(2\.12 and later\) and Keras 3/m);
  assert.match(code('outside'), /^# epsilon outside the square root, as the legacy RMSprop/m);
});

test('from_logits uses the loss class; no accuracy metric prints the loss', () => {
  const code = toKerasCode(...RUNS['logits, no accuracy, moons, adagrad']);
  assertLines(code, [
    'X, y = make_moons(n_samples=200, noise=0.1, random_state=0)',
    'X_train, y_train = X, y',
    'optimizer=tf.keras.optimizers.Adagrad(learning_rate=0.001, initial_accumulator_value=0.1),',
    'loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),',
    "tf.keras.layers.Dense(4, activation='softplus'),",
    'tf.keras.layers.Dense(1),',
    'print(f"Train loss: {train_loss:.4f}")',
  ]);
  assert.ok(!code.includes('metrics='));
});

test('a combination that makes no sense is written with a note; an invalid spec is refused', () => {
  const code = toKerasCode(...RUNS['a combination that makes no sense (noted, still written)']);
  assert.match(code, /^# Note: model\.layers\[3\]\.units is 3, but binary_crossentropy needs 1 output unit/m);
  assert.throws(() => toKerasCode({ ...P1_FIXED_MODEL, inputShape: [0] }, P1_FIXED_TRAIN), SpecError);
  assert.throws(() => toKerasCode(P1_FIXED_MODEL, { ...P1_FIXED_TRAIN, epochs: -1 }), /epochs must be a positive integer, got -1/);
  assert.throws(() => toKerasCode(P1_FIXED_MODEL, P1_FIXED_TRAIN, { ...P1_DATA, noise: -1 } as DataSpec), /noise must be/);
  const noData = toKerasCode(...RUNS['no data spec, 2-D input']);
  assert.match(noData, /^# Data: this spec names no data set\. Load X_train, y_train, X_test, y_test here/m);
});

test('every exported run compiles with python3 -m py_compile', { skip: PYTHON_SKIP }, () => {
  for (const [name, [model, train, data]] of Object.entries(RUNS)) {
    const code = toKerasCode(model, train, data);
    assert.equal(pyCompile(code), null, `${name}:\n${code}`);
  }
});
