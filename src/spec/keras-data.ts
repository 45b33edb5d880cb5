/**
 * The data part of the exported notebook: scikit-learn's generator with the spec's arguments, then the split the
 * homework uses (MinMaxScaler + train_test_split in problem 1, consecutive slices in problems 6–8).
 */
import { pyCall, pyNumber } from '../schedules/format.js';
import { dataClasses } from './validate-data.js';
import type { DataSpec, LossName, ModelSpec } from './types.js';

/** The data code and what it defines: which of X_valid / X_test exist, and the imports it needs. */
export interface DataCode {
  imports: string[];
  lines: string[];
  hasValid: boolean;
  hasTest: boolean;
  /** Problem 1 validates on its test split; this says when fit should use (X_test, y_test) as validation data. */
  testIsValidation: boolean;
}

/** One-hot labels for categorical_crossentropy, which (unlike the sparse form) takes them. */
function oneHot(loss: LossName, classes: number, names: string[]): string[] {
  if (loss !== 'categorical_crossentropy') return [];
  return [
    '# categorical_crossentropy takes one-hot labels',
    ...names.map((y) => `${y} = tf.keras.utils.to_categorical(${y}, num_classes=${classes})`),
  ];
}

/** The generator call for a data spec (`make_circles(n_samples=1000, noise=0.08, random_state=1)`). */
function generator(data: DataSpec): { imports: string[]; lines: string[] } {
  const args: string[] = [];
  if (data.nSamples !== undefined && data.name !== 'semicircle') args.push(`n_samples=${pyNumber(data.nSamples)}`);
  switch (data.name) {
    case 'circles':
      if (data.noise !== undefined) args.push(`noise=${pyNumber(data.noise)}`);
      if (data.randomState !== undefined) args.push(`random_state=${pyNumber(data.randomState)}`);
      if (data.factor !== undefined) args.push(`factor=${pyNumber(data.factor)}`);
      return { imports: ['from sklearn.datasets import make_circles'], lines: [`X, y = ${pyCall('make_circles', args)}`] };
    case 'moons':
      if (data.noise !== undefined) args.push(`noise=${pyNumber(data.noise)}`);
      if (data.randomState !== undefined) args.push(`random_state=${pyNumber(data.randomState)}`);
      return { imports: ['from sklearn.datasets import make_moons'], lines: [`X, y = ${pyCall('make_moons', args)}`] };
    case 'blobs':
      if (data.centers !== undefined) args.push(`centers=${pyNumber(data.centers)}`);
      if (data.clusterStd !== undefined) args.push(`cluster_std=${pyNumber(data.clusterStd)}`);
      if (data.randomState !== undefined) args.push(`random_state=${pyNumber(data.randomState)}`);
      return { imports: ['from sklearn.datasets import make_blobs'], lines: [`X, y = ${pyCall('make_blobs', args)}`] };
    case 'semicircle': {
      // scikit-learn has no such set; this draws the same task with numpy, not necessarily the library's points.
      const n = data.nSamples ?? 1000;
      return {
        imports: ['import numpy as np'],
        lines: [
          '# The semicircle task: gold (1) inside x^2 + (y - 0.5)^2 < 0.25 in the unit square. nn-mathlets draws its',
          '# own points; these follow the same rule but are not necessarily the same points.',
          `rng = np.random.RandomState(${pyNumber(data.randomState ?? 0)})`,
          `X = rng.uniform(0, 1, size=(${pyNumber(n)}, 2))`,
          'y = (X[:, 0] ** 2 + (X[:, 1] - 0.5) ** 2 < 0.25).astype(int)',
        ],
      };
    }
  }
}

/** The data section: make the points, one-hot them if the loss needs it, split them. */
export function dataCode(data: DataSpec | undefined, model: ModelSpec, loss: LossName): DataCode {
  if (data === undefined) return noDataCode(model, loss);
  const { imports, lines } = generator(data);
  lines.unshift('# Data');
  lines.push(...oneHot(loss, dataClasses(data), ['y']));
  const split = data.split;
  if (split === undefined) {
    lines.push('X_train, y_train = X, y');
    return { imports, lines, hasValid: false, hasTest: false, testIsValidation: false };
  }
  if (split.kind === 'trainTestSplit') {
    const [lo, hi] = split.scale ?? [-1, 1];
    imports.push('from sklearn.preprocessing import MinMaxScaler', 'from sklearn.model_selection import train_test_split');
    const args = ['X', 'y', `train_size=${pyNumber(split.trainSize)}`];
    if (split.randomState !== undefined) args.push(`random_state=${pyNumber(split.randomState)}`);
    lines.push(
      // As problem 1 does: the scaler is fitted on all points before the split.
      `scaler = MinMaxScaler(feature_range=(${pyNumber(lo)}, ${pyNumber(hi)}))`,
      'X = scaler.fit_transform(X)',
      `X_train, X_test, y_train, y_test = ${pyCall('train_test_split', args)}`,
    );
    return { imports, lines, hasValid: false, hasTest: true, testIsValidation: true };
  }
  const { train, validation, test } = split;
  const slice = (name: string, from: number, to: number) =>
    `X_${name}, y_${name} = X[${from === 0 ? '' : from}:${to}], y[${from === 0 ? '' : from}:${to}]`;
  lines.push(slice('train', 0, train));
  if (validation > 0) lines.push(slice('valid', train, train + validation));
  if (test > 0) lines.push(slice('test', train + validation, train + validation + test));
  return { imports, lines, hasValid: validation > 0, hasTest: test > 0, testIsValidation: false };
}

/** Without a data spec: CIFAR-10 for a 32×32×3 input (as the homework loads it), else a placeholder to fill in. */
function noDataCode(model: ModelSpec, loss: LossName): DataCode {
  const shape = model.inputShape;
  if (shape.length === 3 && shape[0] === 32 && shape[1] === 32 && shape[2] === 3) {
    return {
      imports: [],
      lines: [
        '# Data: CIFAR-10, scaled to [0, 1] as the homework does',
        '(X_train, y_train), (X_test, y_test) = tf.keras.datasets.cifar10.load_data()',
        "X_train = X_train.astype('float32') / 255",
        "X_test = X_test.astype('float32') / 255",
        ...oneHot(loss, 10, ['y_train', 'y_test']),
      ],
      hasValid: false,
      hasTest: true,
      testIsValidation: true,
    };
  }
  return {
    imports: [],
    lines: [
      `# Data: this spec names no data set. Load X_train, y_train, X_test, y_test here (inputs of shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''})).`,
    ],
    hasValid: false,
    hasTest: true,
    testIsValidation: false,
  };
}
