/**
 * toKerasCode: the Python (scikit-learn data, tf.keras model, compile, fit, evaluate) that reproduces a run in a
 * notebook, laid out like the homework's own cells so a student can set the two side by side.
 */
import { pyCall, pyNumber } from '../schedules/format.js';
import { assertValidDataSpec, assertValidModelSpec, assertValidTrainSpec } from './assert.js';
import { dataCode } from './keras-data.js';
import { layerCode, layerObjects } from './keras-layers.js';
import { callbackCode, lossCode, optimizerCode, type Setup } from './keras-train.js';
import type { DataSpec, ModelSpec, TrainSpec } from './types.js';
import { validateCombination } from './validate-spec.js';

/**
 * Python source for tf.keras 2.x (TensorFlow 2.11+; CosineDecay's warmup needs 2.13) that builds, trains and
 * evaluates the same model on the same data, ending with `print(f"Train: {train_acc:.3f}, Test: {test_acc:.3f}")`.
 * Throws a SpecError when a spec does not validate; a combination that runs but makes no sense (binary
 * cross-entropy on 3 output units) is written out anyway, with a `# Note:` line saying what is wrong.
 * Keras draws its random numbers from TensorFlow, so the code reproduces the recipe (seeds included), not the
 * exact draws of this library's MT19937.
 */
export function toKerasCode(model: ModelSpec, train: TrainSpec, data?: DataSpec): string {
  assertValidModelSpec(model);
  assertValidTrainSpec(train);
  if (data !== undefined) assertValidDataSpec(data);

  const notes = validateCombination(model, train, data).flatMap((p) => commentLines(`Note: ${p.message}`));
  const d = dataCode(data, model, train.loss);
  const setup: Setup = { preludes: new Set(), lines: [] };

  const shared = sharedObjects(model);
  const layers = model.layers.flatMap((layer) => layerCode(layer, '    ', (code) => shared.get(code) ?? code));
  const optimizer = optimizerCode(train.optimizer, setup, '    ');
  const callbacks = (train.callbacks ?? []).map((cb, i) => callbackCode(cb, i, setup, '    '));
  const accuracy = train.metrics?.includes('accuracy') ?? false;

  const fitArgs = ['X_train, y_train', `batch_size=${pyNumber(train.batchSize ?? 32)}`, `epochs=${pyNumber(train.epochs)}`];
  fitArgs.push(`shuffle=${train.shuffle === false ? 'False' : 'True'}`);
  if (train.validationSplit) fitArgs.push(`validation_split=${pyNumber(train.validationSplit)}`);
  else if (d.hasValid) fitArgs.push('validation_data=(X_valid, y_valid)');
  else if (d.testIsValidation) fitArgs.push('validation_data=(X_test, y_test)');
  if (callbacks.length > 0) fitArgs.push('callbacks=callbacks');
  fitArgs.push('verbose=0');

  const compileArgs = [`optimizer=${optimizer}`, `loss=${lossCode(train)}`];
  if (train.metrics && train.metrics.length > 0) compileArgs.push(`metrics=[${train.metrics.map((m) => `'${m}'`).join(', ')}]`);

  const out: string[] = [
    '# Reproduces an nn-mathlets run in a notebook (tf.keras 2.x and scikit-learn).',
    "# Keras draws its random numbers from TensorFlow, not from this library's generator: same recipe, other draws.",
    ...notes,
    ...[...new Set(['import tensorflow as tf', ...d.imports])].sort(importOrder),
    '',
  ];
  for (const prelude of setup.preludes) out.push('', prelude, '');
  out.push(...d.lines, '');

  out.push('# Model', 'tf.keras.backend.clear_session()');
  // set_random_seed seeds Python, numpy and TensorFlow: every initializer without its own seed, and the shuffling.
  if (model.seed !== undefined) out.push(`tf.keras.utils.set_random_seed(${pyNumber(model.seed)})`);
  for (const [code, variable] of shared) out.push(`${variable} = ${code}`);
  const inputShape = model.inputShape.length === 1 ? `(${model.inputShape[0]},)` : `(${model.inputShape.join(', ')})`;
  out.push('model = tf.keras.Sequential([', `    tf.keras.Input(shape=${inputShape}),`, ...layers, '])', '');

  out.push('# Training', ...setup.lines);
  out.push(`model.compile(\n${compileArgs.map((a) => `    ${a},`).join('\n')}\n)`);
  if (callbacks.length > 0) out.push(`callbacks = [\n${callbacks.map((c) => `    ${c},`).join('\n')}\n]`);
  if (train.seed !== undefined && train.seed !== model.seed) {
    out.push(`tf.keras.utils.set_random_seed(${pyNumber(train.seed)})  # the spec's training seed: shuffling, dropout`);
  }
  out.push(`history = ${pyCall('model.fit', fitArgs, '', 0)}`, '');

  out.push(...resultsCode(accuracy, d.hasValid, d.hasTest));
  return `${out.join('\n')}\n`;
}

/**
 * Initializers and regularizers that more than one layer uses get a variable, as the homework writes `init = ...`
 * once. Keras gives the same values either way: a seeded initializer draws the same numbers on every call, an
 * unseeded one new ones, and a regularizer holds no state.
 */
function sharedObjects(model: ModelSpec): Map<string, string> {
  const counts = new Map<string, number>();
  for (const code of model.layers.flatMap(layerObjects)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const names = new Map<string, string>();
  const used = { init: 0, reg: 0 };
  for (const [code, n] of counts) {
    if (n < 2) continue;
    const stem = code.startsWith('tf.keras.initializers.') ? 'init' : 'reg';
    used[stem] += 1;
    names.set(code, used[stem] === 1 ? stem : `${stem}_${used[stem]}`);
  }
  return names;
}

/** A comment wrapped at word boundaries to about 110 columns, continuation lines indented. */
function commentLines(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > width && line.trim() !== '#') {
      lines.push(line);
      line = '#  ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/** `import x` lines before `from x import y`, each group in alphabetical order, as isort lays them out. */
function importOrder(a: string, b: string): number {
  const rank = (s: string) => (s.startsWith('import ') ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Evaluate on each part there is, then print as the homework does ("Train: 0.875, Test: 0.880"). */
function resultsCode(accuracy: boolean, hasValid: boolean, hasTest: boolean): string[] {
  const parts: Array<[label: string, key: string, suffix: string]> = [['Train', 'train', 'train']];
  if (hasValid) parts.push(['Validation', 'valid', 'valid']);
  if (hasTest) parts.push(['Test', 'test', 'test']);
  const lines = ['# Results'];
  const shown: string[] = [];
  for (const [label, key, suffix] of parts) {
    if (accuracy) {
      lines.push(`_, ${key}_acc = model.evaluate(X_${suffix}, y_${suffix}, verbose=0)`);
      shown.push(`${label}: {${key}_acc:.3f}`);
    } else {
      lines.push(`${key}_loss = model.evaluate(X_${suffix}, y_${suffix}, verbose=0)`);
      shown.push(`${label} loss: {${key}_loss:.4f}`);
    }
  }
  lines.push(`print(f"${shown.join(', ')}")`);
  return lines;
}
