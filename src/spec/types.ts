/**
 * ModelSpec / TrainSpec: the plain-JSON description of a model and its training that every part shares
 * (the elements, URL state, workers, the Keras code export). Names follow Keras's serialised configs in camelCase,
 * so a spec reads like the Keras code a student would write.
 */

export type ActivationName =
  | 'linear'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'elu'
  | 'softplus'
  | 'softmax';

/** An activation by name, or with its options (leaky_relu's alpha, elu's alpha, softmax's logit scale). */
export type ActivationSpec =
  | ActivationName
  | { name: ActivationName; alpha?: number; scale?: number };

export type InitializerName =
  | 'zeros'
  | 'ones'
  | 'constant'
  | 'random_uniform'
  | 'random_normal'
  | 'truncated_normal'
  | 'glorot_uniform'
  | 'glorot_normal'
  | 'he_normal'
  | 'he_uniform'
  | 'lecun_normal'
  | 'lecun_uniform';

/** An initializer by name with Keras's defaults, or with its config (minval/maxval, mean/stddev, value, seed). */
export type InitializerSpec =
  | InitializerName
  | {
      name: InitializerName;
      minval?: number;
      maxval?: number;
      mean?: number;
      stddev?: number;
      value?: number;
      seed?: number;
    };

export interface RegularizerSpec {
  l1?: number;
  l2?: number;
}

export interface DenseLayerSpec {
  type: 'dense';
  units: number;
  activation?: ActivationSpec;
  useBias?: boolean;
  kernelInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  kernelRegularizer?: RegularizerSpec;
  biasRegularizer?: RegularizerSpec;
  activityRegularizer?: RegularizerSpec;
  name?: string;
}

/** Layers only the TensorFlow.js engine builds; the small engine refuses them by name. */
export interface Conv2DLayerSpec {
  type: 'conv2d';
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  activation?: ActivationSpec;
  kernelInitializer?: InitializerSpec;
  kernelRegularizer?: RegularizerSpec;
  name?: string;
}
export interface MaxPooling2DLayerSpec {
  type: 'maxPooling2d';
  poolSize?: number | [number, number];
  strides?: number | [number, number];
  name?: string;
}
export interface DropoutLayerSpec {
  type: 'dropout';
  rate: number;
  seed?: number;
  name?: string;
}
export interface FlattenLayerSpec {
  type: 'flatten';
  name?: string;
}

export type LayerSpec =
  | DenseLayerSpec
  | Conv2DLayerSpec
  | MaxPooling2DLayerSpec
  | DropoutLayerSpec
  | FlattenLayerSpec;

export interface ModelSpec {
  /** Shape of one input, without the batch axis: [2] for the 2-D labs, [32, 32, 3] for CIFAR-10. */
  inputShape: number[];
  layers: LayerSpec[];
  /** Seed for every initializer that has none of its own (Keras would draw one at random; here it is fixed). */
  seed?: number;
}

/** Keras's learning-rate schedule classes, with their Keras argument names in camelCase. */
export type ScheduleSpec =
  | {
      name: 'ExponentialDecay';
      initialLearningRate: number;
      decaySteps: number;
      decayRate: number;
      staircase?: boolean;
    }
  | { name: 'PiecewiseConstantDecay'; boundaries: number[]; values: number[] }
  | {
      name: 'InverseTimeDecay';
      initialLearningRate: number;
      decaySteps: number;
      decayRate: number;
      staircase?: boolean;
    }
  | {
      name: 'PolynomialDecay';
      initialLearningRate: number;
      decaySteps: number;
      endLearningRate?: number;
      power?: number;
      cycle?: boolean;
    }
  | {
      name: 'CosineDecay';
      initialLearningRate: number;
      decaySteps: number;
      alpha?: number;
      warmupTarget?: number;
      warmupSteps?: number;
    }
  | {
      name: 'CosineDecayRestarts';
      initialLearningRate: number;
      firstDecaySteps: number;
      tMul?: number;
      mMul?: number;
      alpha?: number;
    }
  | {
      /** Géron's 1cycle (Hands-On ML, ch. 11); not a Keras class. */
      name: 'OneCycle';
      maxLearningRate: number;
      totalSteps: number;
      startLearningRate?: number;
      lastLearningRate?: number;
    };

export type OptimizerSpec =
  | { name: 'sgd'; learningRate?: number | ScheduleSpec; momentum?: number; nesterov?: boolean }
  | {
      name: 'rmsprop';
      learningRate?: number | ScheduleSpec;
      rho?: number;
      momentum?: number;
      epsilon?: number;
      centered?: boolean;
      /**
       * Where epsilon goes: 'outside' the root, lr·g/(√v + ε) (tf.keras ≤ 2.10, the homework's Keras), or 'inside',
       * lr·g/√(v + ε) (Keras ≥ 2.11, Keras 3, TF.js). Added by the TF engine; each engine documents its default.
       */
      epsilonPlacement?: 'outside' | 'inside';
    }
  | {
      name: 'adam';
      learningRate?: number | ScheduleSpec;
      beta1?: number;
      beta2?: number;
      epsilon?: number;
      amsgrad?: boolean;
    }
  | { name: 'adagrad'; learningRate?: number | ScheduleSpec; initialAccumulatorValue?: number; epsilon?: number }
  | { name: 'nadam'; learningRate?: number | ScheduleSpec; beta1?: number; beta2?: number; epsilon?: number };

export type LossName =
  | 'binary_crossentropy'
  | 'categorical_crossentropy'
  | 'sparse_categorical_crossentropy'
  | 'mean_squared_error';

export type CallbackSpec =
  | {
      name: 'EarlyStopping';
      monitor?: string;
      minDelta?: number;
      patience?: number;
      mode?: 'auto' | 'min' | 'max';
      restoreBestWeights?: boolean;
      startFromEpoch?: number;
      baseline?: number;
    }
  | {
      name: 'ReduceLROnPlateau';
      monitor?: string;
      factor?: number;
      patience?: number;
      mode?: 'auto' | 'min' | 'max';
      minDelta?: number;
      cooldown?: number;
      minLr?: number;
    }
  | { name: 'LearningRateScheduler'; schedule: ScheduleSpec; perEpoch?: boolean }
  | { name: 'TerminateOnNaN' };

export interface TrainSpec {
  optimizer: OptimizerSpec;
  loss: LossName;
  /** The loss takes logits rather than probabilities (Keras's from_logits). */
  fromLogits?: boolean;
  metrics?: Array<'accuracy'>;
  batchSize?: number;
  epochs: number;
  shuffle?: boolean;
  /** Seed for shuffling and dropout. */
  seed?: number;
  validationSplit?: number;
  callbacks?: CallbackSpec[];
}

/** How a 2-D lab's data was made, so a run can be reproduced (and exported as scikit-learn code). */
export type DataSpec =
  | {
      name: 'circles';
      nSamples?: number;
      noise?: number;
      factor?: number;
      randomState?: number;
      split?: DataSplitSpec;
    }
  | { name: 'moons'; nSamples?: number; noise?: number; randomState?: number; split?: DataSplitSpec }
  | {
      name: 'blobs';
      nSamples?: number;
      centers?: number;
      clusterStd?: number;
      randomState?: number;
      split?: DataSplitSpec;
    }
  | { name: 'semicircle'; nSamples?: number; randomState?: number; split?: DataSplitSpec };

/**
 * How data is divided: scikit-learn's train_test_split (after MinMaxScaler to [-1, 1], as problem 1 does), or
 * consecutive slices (problems 6–8: first 200 train, next 200 validation, last 200 test).
 */
export type DataSplitSpec =
  | { kind: 'trainTestSplit'; trainSize: number; randomState?: number; scale?: [number, number] }
  | { kind: 'slices'; train: number; validation: number; test: number };
