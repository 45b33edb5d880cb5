/**
 * Checks model, training and data together: each part on its own, then the combinations that make no sense even
 * when every field is fine (binary cross-entropy on a 3-unit output, a monitor on validation data there is none of).
 */
import { activationName } from './validate-parts.js';
import { checkData, dataClasses } from './validate-data.js';
import { checkModel } from './validate-model.js';
import { checkTrain } from './validate-train.js';
import { LOSS_NAMES } from './names.js';
import { isRecord, joinPath, POSITIVE_INTEGER, ProblemList, type SpecProblem, throwIfProblems } from './problems.js';
import type { DataSpec, ModelSpec, TrainSpec } from './types.js';

/** What validateSpec takes: the three specs of one run (data optional). */
export interface RunSpec {
  model: unknown;
  train: unknown;
  data?: unknown;
}

/**
 * Every problem of a run's specs, with paths prefixed by the part (`model.layers[2].units`, `train.epochs`,
 * `data.noise`), including problems of combination.
 */
export function validateSpec(spec: RunSpec): SpecProblem[] {
  const problems = new ProblemList('spec');
  const obj = problems.object('', spec, 'an object { model, train, data? }');
  if (!obj) return problems.problems;
  checkModel(obj.model, problems, 'model');
  checkTrain(obj.train, problems, 'train');
  if (obj.data !== undefined) checkData(obj.data, problems, 'data');
  checkCombination(obj.model, obj.train, obj.data, problems);
  return problems.problems;
}

/** Throws a SpecError naming every problem; afterwards TypeScript knows the parts are valid specs. */
export function assertValidSpec(spec: RunSpec): asserts spec is { model: ModelSpec; train: TrainSpec; data?: DataSpec } {
  throwIfProblems(validateSpec(spec));
}

/**
 * Problems of the output layer and loss together (and of the data's classes and shape, when given); paths as in
 * validateSpec. Reads the specs defensively, so it can run on specs that have problems of their own.
 */
export function validateCombination(model: unknown, train: unknown, data?: unknown): SpecProblem[] {
  const problems = new ProblemList('spec');
  checkCombination(model, train, data, problems);
  return problems.problems;
}

function checkCombination(model: unknown, train: unknown, data: unknown, problems: ProblemList): void {
  if (!isRecord(model) || !isRecord(train)) return;
  checkOutputAndLoss(model, train, problems);
  if (isRecord(data)) {
    checkDataFit(model, train, data, problems);
    checkValidationData(train, data, problems);
  }
}

type Loss = (typeof LOSS_NAMES)[number];

/** The output layer: the last one, looking past dropout (which does not change what comes out). */
function outputLayer(model: Record<string, unknown>): { layer: Record<string, unknown>; path: string } | null {
  if (!Array.isArray(model.layers)) return null;
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const layer: unknown = model.layers[i];
    if (!isRecord(layer)) return null;
    if (layer.type !== 'dropout') return { layer, path: joinPath('model.layers', i) };
  }
  return null;
}

function checkOutputAndLoss(model: Record<string, unknown>, train: Record<string, unknown>, problems: ProblemList): void {
  const out = outputLayer(model);
  const loss = train.loss as Loss;
  if (!out || !LOSS_NAMES.includes(loss) || loss === 'mean_squared_error') return;
  const { layer, path } = out;
  if (layer.type !== 'dense') {
    problems.add(path, `${path} is a ${String(layer.type)} layer, but ${loss} needs a dense output layer (one unit per class)`, layer.type);
    return;
  }
  const fromLogits = train.fromLogits === true;
  const units = POSITIVE_INTEGER.test(layer.units) ? (layer.units as number) : undefined;
  const act = activationName(layer.activation);
  const binary = loss === 'binary_crossentropy';
  const wanted = fromLogits ? 'linear' : binary ? 'sigmoid' : 'softmax';

  if (binary && units !== undefined && units !== 1) {
    problems.add(
      `${path}.units`,
      `${path}.units is ${units}, but binary_crossentropy needs 1 output unit (the probability of class 1): use 1 unit with sigmoid, or sparse_categorical_crossentropy with softmax over ${units} units`,
      units,
    );
  }
  if (!binary && units === 1) {
    problems.add(`${path}.units`, `${path}.units is 1, but ${loss} needs one output unit per class (at least 2); for two classes with 1 unit use binary_crossentropy`, units);
  }
  if (act === undefined || act === wanted) return;
  let why: string;
  if (act === 'softmax' && units === 1) why = 'softmax over a single unit always outputs 1, so nothing is learned';
  else if (fromLogits) why = `fromLogits: true means the loss applies ${binary ? 'sigmoid' : 'softmax'} itself, so the layer must be "linear"`;
  else if (act === 'linear') why = `${loss} takes probabilities; for raw scores set fromLogits: true`;
  else why = `${loss} takes probabilities from a "${wanted}" output layer (or "linear" with fromLogits: true)`;
  problems.add(`${path}.activation`, `${path}.activation is "${act}", but ${why}`, layer.activation ?? 'linear');
}

/** The 2-D data sets have 2 features and 2 (or `centers`) classes: the model must take and predict that. */
function checkDataFit(model: Record<string, unknown>, train: Record<string, unknown>, data: Record<string, unknown>, problems: ProblemList): void {
  const name = data.name;
  if (name !== 'circles' && name !== 'moons' && name !== 'blobs' && name !== 'semicircle') return;
  const shape = model.inputShape;
  if (Array.isArray(shape) && !(shape.length === 1 && shape[0] === 2)) {
    problems.add('model.inputShape', `model.inputShape is [${shape.join(', ')}], but the ${name} data has 2 features: use [2]`, shape);
  }
  if (name === 'blobs' && data.centers !== undefined && !POSITIVE_INTEGER.test(data.centers)) return;
  const classes = dataClasses({ name, centers: data.centers as number | undefined });
  const loss = train.loss;
  if (loss === 'binary_crossentropy' && classes > 2) {
    problems.add('train.loss', `train.loss is binary_crossentropy, but the ${name} data has ${classes} classes: use sparse_categorical_crossentropy`, loss);
  }
  const out = outputLayer(model);
  if ((loss === 'sparse_categorical_crossentropy' || loss === 'categorical_crossentropy') && out && out.layer.type === 'dense') {
    const units = out.layer.units;
    if (POSITIVE_INTEGER.test(units) && units !== classes && units !== 1) {
      problems.add(`${out.path}.units`, `${out.path}.units is ${String(units)}, but the ${name} data has ${classes} classes: use ${classes} units`, units);
    }
  }
}

/** Callbacks watching `val_*` need validation data: a validation split, or a data split that provides it. */
function checkValidationData(train: Record<string, unknown>, data: Record<string, unknown>, problems: ProblemList): void {
  if (typeof train.validationSplit === 'number' && train.validationSplit > 0) return;
  const split = data.split;
  if (isRecord(split)) {
    // Problem 1 validates on the test side of train_test_split; problems 6–8 on the validation slice.
    if (split.kind === 'trainTestSplit') return;
    if (split.kind === 'slices' && typeof split.validation === 'number' && split.validation > 0) return;
  }
  if (!Array.isArray(train.callbacks)) return;
  train.callbacks.forEach((cb: unknown, i) => {
    if (!isRecord(cb) || (cb.name !== 'EarlyStopping' && cb.name !== 'ReduceLROnPlateau')) return;
    // Keras's default monitor for both callbacks is val_loss.
    const monitor = cb.monitor ?? 'val_loss';
    if (typeof monitor === 'string' && monitor.startsWith('val_')) {
      const path = `train.callbacks[${i}].monitor`;
      problems.add(path, `${path} is "${monitor}", but there is no validation data: set train.validationSplit, or give data.split validation points`, monitor);
    }
  });
}
