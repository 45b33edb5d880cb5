/**
 * A lab's editor as plain text fields, and the two ways between fields and a LabSetup. Fields are text (what the
 * student typed), so "abc" can be refused by name; an unchanged preset round-trips exactly, because every edit
 * is applied on top of the setup it came from.
 */
import { defaultSchedule, isScheduleName } from '../schedules/index.js';
import type {
  ActivationName,
  CallbackSpec,
  DenseLayerSpec,
  InitializerSpec,
  OptimizerSpec,
  ScheduleSpec,
} from '../spec/index.js';
import { DATA_CHOICES, dataChoiceOf, type DataChoice } from './data-choices.js';
import type { LabSetup } from './types.js';
import { LAB_LIMITS, labSetupProblems } from './limits.js';

type ScheduleName = ScheduleSpec['name'];
export type OptimizerName = OptimizerSpec['name'];

/** Activations the editor offers for hidden layers. */
export const EDITOR_ACTIVATIONS: readonly ActivationName[] = ['relu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'linear'];
/** Initializers the editor offers (random_uniform as the homework's RandomUniform(−1, 1)). */
export const EDITOR_INITIALIZERS = ['random_uniform', 'glorot_uniform', 'glorot_normal', 'he_normal', 'he_uniform', 'lecun_normal'] as const;
export type EditorInitializer = (typeof EDITOR_INITIALIZERS)[number];
export const EDITOR_OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam', 'rmsprop', 'adagrad', 'nadam'];
/** Keras's default learning rate per optimizer, which the editor fills in when the optimizer changes. */
export const DEFAULT_LEARNING_RATE: Readonly<Record<OptimizerName, number>> = { sgd: 0.01, adam: 0.001, rmsprop: 0.001, adagrad: 0.001, nadam: 0.001 };

/** One hidden layer's fields. */
export interface LayerFields {
  units: string;
  activation: ActivationName;
}

/** Everything the editor shows, as the student typed it. */
export interface LabFields {
  data: DataChoice | 'custom';
  layers: LayerFields[];
  initializer: EditorInitializer | 'custom';
  optimizer: OptimizerName;
  learningRate: string;
  schedule: ScheduleName | 'none';
  batchSize: string;
  epochs: string;
  l1: string;
  l2: string;
  earlyStopping: boolean;
  patience: string;
  restoreBest: boolean;
  seed: string;
}

/** A field that cannot be used: its id (`layers.1.units`, `l1`, …), its label and why. */
export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

const initName = (s: InitializerSpec | undefined) => (s === undefined ? 'glorot_uniform' : typeof s === 'string' ? s : s.name);
const num = (v: number | undefined) => (v === undefined ? '0' : String(v));

/** The editor's fields for a setup (the hidden layers are every layer but the last). */
export function fieldsFromSetup(setup: LabSetup): LabFields {
  const layers = setup.model.layers as DenseLayerSpec[];
  const hidden = layers.slice(0, -1);
  const first = hidden[0] ?? layers[0];
  const opt = setup.train.optimizer;
  const lr = opt.learningRate;
  const es = setup.train.callbacks?.find((c) => c.name === 'EarlyStopping') as Extract<CallbackSpec, { name: 'EarlyStopping' }> | undefined;
  const init = initName(first?.kernelInitializer);
  const schedule = typeof lr === 'object' ? lr : undefined;
  return {
    data: dataChoiceOf(setup.data) ?? 'custom',
    layers: hidden.map((l) => ({ units: String(l.units), activation: (typeof l.activation === 'object' ? l.activation.name : l.activation) ?? 'linear' })),
    initializer: (EDITOR_INITIALIZERS as readonly string[]).includes(init) ? (init as EditorInitializer) : 'custom',
    optimizer: opt.name,
    learningRate: String(schedule ? scheduleStart(schedule) : (lr ?? DEFAULT_LEARNING_RATE[opt.name])),
    schedule: schedule?.name ?? 'none',
    batchSize: String(setup.train.batchSize ?? 32),
    epochs: String(setup.train.epochs),
    l1: num(first?.kernelRegularizer?.l1),
    l2: num(first?.kernelRegularizer?.l2),
    earlyStopping: !!es,
    patience: String(es?.patience ?? 20),
    restoreBest: es?.restoreBestWeights ?? true,
    seed: String(setup.model.seed ?? 0),
  };
}

function scheduleStart(s: ScheduleSpec): number {
  return 'initialLearningRate' in s ? s.initialLearningRate : 'maxLearningRate' in s ? s.maxLearningRate : (s as { values: number[] }).values[0];
}

/** Reads a field as a number within bounds, or records a problem naming it. */
function reader(problems: FieldProblem[]) {
  return (field: string, label: string, text: string, opts: { min: number; max: number; integer?: boolean; above?: boolean }): number => {
    const t = String(text ?? '').trim();
    const v = t === '' ? NaN : Number(t);
    const ok = Number.isFinite(v) && (opts.above ? v > opts.min : v >= opts.min) && v <= opts.max && (!opts.integer || Number.isInteger(v));
    if (!ok) {
      const what = opts.integer ? `a whole number from ${opts.min} to ${opts.max}` : opts.above ? `a number above ${opts.min} (at most ${opts.max})` : `a number from ${opts.min} to ${opts.max}`;
      problems.push({ field, label, message: `${label} must be ${what}, got ${JSON.stringify(t)}` });
    }
    return v;
  };
}

/**
 * The setup the fields describe, built on `base` (the setup they came from) so what the editor does not show
 * (initializer seeds, callbacks' other options, the data's split) is kept. Returns every problem, by field,
 * and no setup when there is one.
 */
export function setupFromFields(fields: LabFields, base: LabSetup): { setup?: LabSetup; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const read = reader(problems);
  if (!fields.layers.length) problems.push({ field: 'layers', label: 'Layers', message: 'Layers: add at least one hidden layer' });
  const units = fields.layers.map((l, i) => read(`layers.${i}.units`, `Layer ${i + 1} units`, l.units, { min: 1, max: LAB_LIMITS.maxUnits, integer: true }));
  const lr = read('learningRate', 'Learning rate', fields.learningRate, { min: 0, max: 100, above: true });
  const batchSize = read('batchSize', 'Batch size', fields.batchSize, { min: 1, max: LAB_LIMITS.maxBatchSize, integer: true });
  const epochs = read('epochs', 'Epochs', fields.epochs, { min: 1, max: LAB_LIMITS.maxEpochs, integer: true });
  const l1 = read('l1', 'L1', fields.l1, { min: 0, max: 10 });
  const l2 = read('l2', 'L2', fields.l2, { min: 0, max: 10 });
  const patience = fields.earlyStopping ? read('patience', 'Patience', fields.patience, { min: 0, max: 10000, integer: true }) : 0;
  const seed = read('seed', 'Seed', fields.seed, { min: 0, max: 4294967295, integer: true });
  if (problems.length) return { problems };

  const setup = structuredClone(base);
  const baseLayers = base.model.layers as DenseLayerSpec[];
  const baseHidden = baseLayers.slice(0, -1);
  const baseInit = initName(baseHidden[0]?.kernelInitializer ?? baseLayers[0]?.kernelInitializer);
  const seedChanged = seed !== (base.model.seed ?? 0);
  const newInit = (old: InitializerSpec | undefined): InitializerSpec | undefined => {
    if (fields.initializer === 'custom' || fields.initializer === baseInit) return reseed(old, seedChanged ? seed : undefined);
    return fields.initializer === 'random_uniform' ? { name: 'random_uniform', minval: -1, maxval: 1 } : fields.initializer;
  };
  const reg = l1 || l2 ? { ...(l1 ? { l1 } : {}), ...(l2 ? { l2 } : {}) } : undefined;
  const withReg = (l: DenseLayerSpec): DenseLayerSpec => {
    const { kernelRegularizer: _, ...rest } = l;
    return reg ? { ...rest, kernelRegularizer: reg } : rest;
  };
  const hidden = fields.layers.map((f, i) => {
    const old = structuredClone(baseHidden[i] ?? baseHidden[baseHidden.length - 1] ?? { type: 'dense', units: 1 });
    const init = newInit(old.kernelInitializer);
    const l: DenseLayerSpec = { ...old, units: units[i], activation: f.activation };
    if (init === undefined) delete l.kernelInitializer;
    else l.kernelInitializer = init;
    return withReg(l);
  });
  const oldOut = structuredClone(baseLayers[baseLayers.length - 1] ?? { type: 'dense', units: 1, activation: 'sigmoid' });
  const outInit = fields.initializer === 'custom' || fields.initializer === baseInit ? reseed(oldOut.kernelInitializer, seedChanged ? seed : undefined) : newInit(undefined);
  if (outInit === undefined) delete oldOut.kernelInitializer;
  else oldOut.kernelInitializer = outInit;
  setup.model.layers = [...hidden, withReg(oldOut)];
  if (seedChanged) {
    setup.model.seed = seed;
    setup.train.seed = seed;
  }
  if (fields.data !== 'custom') setup.data = structuredClone(DATA_CHOICES[fields.data].spec);

  const train = setup.train;
  train.batchSize = batchSize;
  train.epochs = epochs;
  const sameOpt = base.train.optimizer.name === fields.optimizer;
  const opt = (sameOpt ? structuredClone(base.train.optimizer) : { name: fields.optimizer }) as OptimizerSpec;
  opt.learningRate = learningRateOf(fields.schedule, lr, base.train.optimizer.learningRate);
  train.optimizer = opt;
  const others = (base.train.callbacks ?? []).filter((c) => c.name !== 'EarlyStopping');
  const oldEs = base.train.callbacks?.find((c) => c.name === 'EarlyStopping') as Extract<CallbackSpec, { name: 'EarlyStopping' }> | undefined;
  const es: CallbackSpec[] = fields.earlyStopping
    ? [{ ...(oldEs ?? { name: 'EarlyStopping', monitor: 'val_loss' }), patience, restoreBestWeights: fields.restoreBest }]
    : [];
  const callbacks = [...others, ...es];
  if (callbacks.length || base.train.callbacks) train.callbacks = callbacks;
  if (!callbacks.length && !base.train.callbacks) delete train.callbacks;
  // What the fields cannot see (a custom setup's other parts) is checked by the spec's own validator.
  for (const p of labSetupProblems(setup)) problems.push({ field: 'setup', label: p.path, message: p.message });
  return problems.length ? { problems } : { setup, problems };
}

/** A number, or the chosen schedule starting at it (the base's own schedule kept when it is the same one). */
function learningRateOf(name: LabFields['schedule'], lr: number, old: OptimizerSpec['learningRate']): number | ScheduleSpec {
  if (name === 'none' || !isScheduleName(name)) return lr;
  const s = (typeof old === 'object' && old.name === name ? structuredClone(old) : defaultSchedule(name)) as ScheduleSpec;
  if ('initialLearningRate' in s) s.initialLearningRate = lr;
  else if ('maxLearningRate' in s) s.maxLearningRate = lr;
  else if (s.name === 'PiecewiseConstantDecay') s.values = s.values.map((v, i) => (i === 0 ? lr : (v * lr) / s.values[0]));
  return s;
}

/** The initializer with its own seed replaced by `seed` (when it has one and a new seed is given). */
function reseed(init: InitializerSpec | undefined, seed: number | undefined): InitializerSpec | undefined {
  if (seed === undefined || typeof init !== 'object' || init.seed === undefined) return init;
  return { ...init, seed };
}
