/**
 * The names the spec types allow, as runtime lists: validators check against them and pickers list them. Each list
 * is checked at compile time to cover its type exactly, so a name added to `types.ts` cannot be forgotten here.
 */
import type {
  ActivationName,
  CallbackSpec,
  DataSpec,
  InitializerName,
  LayerSpec,
  LossName,
  OptimizerSpec,
} from './types.js';

/** Fails to compile unless `List` holds every member of `Union` (and nothing else). */
type Covers<Union, List extends readonly Union[]> = [Union] extends [List[number]] ? List : never;

const activations = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus', 'softmax'] as const;
/** Every ActivationName. */
export const ACTIVATION_NAMES: Covers<ActivationName, typeof activations> = activations;

const initializers = [
  'zeros',
  'ones',
  'constant',
  'random_uniform',
  'random_normal',
  'truncated_normal',
  'glorot_uniform',
  'glorot_normal',
  'he_normal',
  'he_uniform',
  'lecun_normal',
  'lecun_uniform',
] as const;
/** Every InitializerName (Keras's snake_case identifiers). */
export const INITIALIZER_NAMES: Covers<InitializerName, typeof initializers> = initializers;

const layerTypes = ['dense', 'conv2d', 'maxPooling2d', 'dropout', 'flatten'] as const;
/** Every LayerSpec type. */
export const LAYER_TYPES: Covers<LayerSpec['type'], typeof layerTypes> = layerTypes;

const losses = [
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'mean_squared_error',
] as const;
/** Every LossName. */
export const LOSS_NAMES: Covers<LossName, typeof losses> = losses;

const optimizers = ['sgd', 'rmsprop', 'adam', 'adagrad', 'nadam'] as const;
/** Every OptimizerSpec name. */
export const OPTIMIZER_NAMES: Covers<OptimizerSpec['name'], typeof optimizers> = optimizers;

const callbacks = ['EarlyStopping', 'ReduceLROnPlateau', 'LearningRateScheduler', 'TerminateOnNaN'] as const;
/** Every CallbackSpec name. */
export const CALLBACK_NAMES: Covers<CallbackSpec['name'], typeof callbacks> = callbacks;

const dataSets = ['circles', 'moons', 'blobs', 'semicircle'] as const;
/** Every DataSpec name. */
export const DATA_NAMES: Covers<DataSpec['name'], typeof dataSets> = dataSets;

/** What EarlyStopping and ReduceLROnPlateau can watch: the keys of Keras's History for these specs. */
export const MONITOR_NAMES = ['loss', 'val_loss', 'accuracy', 'val_accuracy'] as const;
