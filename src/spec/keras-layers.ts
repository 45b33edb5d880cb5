/**
 * Layers, activations, initializers and regularizers written as tf.keras 2.x code, one Python expression each.
 */
import { pyCall, pyFloat, pyNumber, pyStr } from '../schedules/format.js';
import type { ActivationSpec, InitializerName, InitializerSpec, LayerSpec, RegularizerSpec } from './types.js';

const INITIALIZER_CLASSES: Record<InitializerName, string> = {
  zeros: 'Zeros',
  ones: 'Ones',
  constant: 'Constant',
  random_uniform: 'RandomUniform',
  random_normal: 'RandomNormal',
  truncated_normal: 'TruncatedNormal',
  glorot_uniform: 'GlorotUniform',
  glorot_normal: 'GlorotNormal',
  he_normal: 'HeNormal',
  he_uniform: 'HeUniform',
  lecun_normal: 'LecunNormal',
  lecun_uniform: 'LecunUniform',
};

/** `tf.keras.initializers.HeNormal(seed=42)`, `tf.keras.initializers.RandomUniform(minval=-1, maxval=1)`. */
export function initializerCode(spec: InitializerSpec): string {
  const s = typeof spec === 'string' ? { name: spec } : spec;
  const args: string[] = [];
  if (s.name === 'constant' && s.value !== undefined) args.push(`value=${pyNumber(s.value)}`);
  if (s.name === 'random_uniform') {
    if (s.minval !== undefined) args.push(`minval=${pyNumber(s.minval)}`);
    if (s.maxval !== undefined) args.push(`maxval=${pyNumber(s.maxval)}`);
  }
  if (s.name === 'random_normal' || s.name === 'truncated_normal') {
    if (s.mean !== undefined) args.push(`mean=${pyNumber(s.mean)}`);
    if (s.stddev !== undefined) args.push(`stddev=${pyNumber(s.stddev)}`);
  }
  if (s.seed !== undefined) args.push(`seed=${pyNumber(s.seed)}`);
  return `tf.keras.initializers.${INITIALIZER_CLASSES[s.name]}(${args.join(', ')})`;
}

/** `tf.keras.regularizers.L1(0.001)`, `L2(0.01)` or `L1L2(l1=…, l2=…)`; null for `{}` (no penalty). */
export function regularizerCode(spec: RegularizerSpec): string | null {
  if (spec.l1 !== undefined && spec.l2 !== undefined) {
    return `tf.keras.regularizers.L1L2(l1=${pyFloat(spec.l1)}, l2=${pyFloat(spec.l2)})`;
  }
  if (spec.l1 !== undefined) return `tf.keras.regularizers.L1(${pyFloat(spec.l1)})`;
  if (spec.l2 !== undefined) return `tf.keras.regularizers.L2(${pyFloat(spec.l2)})`;
  return null;
}

/**
 * How an activation is written: an `activation=` argument where Keras has the name, else a layer after a linear
 * one. tf.keras 2.x has no 'leaky_relu' activation string and no alpha on 'elu', so those become LeakyReLU / ELU
 * layers; softmax with a logit scale (the chain-rule network's softmax(10·o)) has no Keras form at all, so a Lambda
 * layer applies it.
 */
export function activationCode(spec: ActivationSpec | undefined): { arg?: string; after?: { comment?: string; layer: string } } {
  if (spec === undefined) return {};
  const { name, alpha, scale } = typeof spec === 'string' ? { name: spec, alpha: undefined, scale: undefined } : spec;
  if (name === 'leaky_relu') {
    // 0.3 is the default of Keras's LeakyReLU layer, which this library's leaky_relu follows.
    return { after: { layer: `tf.keras.layers.LeakyReLU(alpha=${pyFloat(alpha ?? 0.3)})` } };
  }
  if (name === 'elu' && alpha !== undefined && alpha !== 1) {
    return { after: { layer: `tf.keras.layers.ELU(alpha=${pyFloat(alpha)})` } };
  }
  if (name === 'softmax' && scale !== undefined && scale !== 1) {
    return {
      after: {
        comment: `softmax(${scale}·z): Keras has no softmax with a logit scale, so a Lambda layer applies it`,
        layer: `tf.keras.layers.Lambda(lambda z: tf.nn.softmax(${pyFloat(scale)} * z))`,
      },
    };
  }
  return { arg: `activation=${pyStr(name)}` };
}

/** `(3, 3)` from `3` or `[3, 3]`. */
function size(value: number | [number, number]): string {
  const [h, w] = typeof value === 'number' ? [value, value] : value;
  return `(${h}, ${w})`;
}

/** Every initializer and regularizer a layer uses, as code (to find the ones worth a variable of their own). */
export function layerObjects(layer: LayerSpec): string[] {
  const found: string[] = [];
  const add = (code: string | null) => code !== null && found.push(code);
  if (layer.type === 'dense' || layer.type === 'conv2d') {
    if (layer.kernelInitializer !== undefined) add(initializerCode(layer.kernelInitializer));
    if (layer.kernelRegularizer !== undefined) add(regularizerCode(layer.kernelRegularizer));
  }
  if (layer.type === 'dense') {
    if (layer.biasInitializer !== undefined) add(initializerCode(layer.biasInitializer));
    if (layer.biasRegularizer !== undefined) add(regularizerCode(layer.biasRegularizer));
    if (layer.activityRegularizer !== undefined) add(regularizerCode(layer.activityRegularizer));
  }
  return found;
}

/**
 * The Python lines of one layer inside `tf.keras.Sequential([...])`, each ending in a comma, indented by `indent`;
 * more than one line when the activation needs its own layer. `ref` turns initializer code into the variable that
 * holds it, where there is one (the homework's `init = ...` shared by every layer); the same for regularizers.
 */
export function layerCode(layer: LayerSpec, indent: string, ref: (code: string) => string = (c) => c): string[] {
  const args: string[] = [];
  const reg = (key: string, r: RegularizerSpec | undefined) => {
    const code = r && regularizerCode(r);
    if (code) args.push(`${key}=${ref(code)}`);
  };
  let fn: string;
  let activation: ReturnType<typeof activationCode> = {};
  switch (layer.type) {
    case 'dense':
      fn = 'tf.keras.layers.Dense';
      args.push(pyNumber(layer.units));
      activation = activationCode(layer.activation);
      if (activation.arg) args.push(activation.arg);
      if (layer.useBias === false) args.push('use_bias=False');
      if (layer.kernelInitializer !== undefined) args.push(`kernel_initializer=${ref(initializerCode(layer.kernelInitializer))}`);
      if (layer.biasInitializer !== undefined) args.push(`bias_initializer=${ref(initializerCode(layer.biasInitializer))}`);
      reg('kernel_regularizer', layer.kernelRegularizer);
      reg('bias_regularizer', layer.biasRegularizer);
      reg('activity_regularizer', layer.activityRegularizer);
      break;
    case 'conv2d':
      fn = 'tf.keras.layers.Conv2D';
      args.push(pyNumber(layer.filters), size(layer.kernelSize));
      if (layer.strides !== undefined) args.push(`strides=${size(layer.strides)}`);
      if (layer.padding !== undefined) args.push(`padding=${pyStr(layer.padding)}`);
      activation = activationCode(layer.activation);
      if (activation.arg) args.push(activation.arg);
      if (layer.kernelInitializer !== undefined) args.push(`kernel_initializer=${ref(initializerCode(layer.kernelInitializer))}`);
      reg('kernel_regularizer', layer.kernelRegularizer);
      break;
    case 'maxPooling2d':
      fn = 'tf.keras.layers.MaxPooling2D';
      args.push(`pool_size=${size(layer.poolSize ?? 2)}`);
      if (layer.strides !== undefined) args.push(`strides=${size(layer.strides)}`);
      break;
    case 'dropout':
      fn = 'tf.keras.layers.Dropout';
      args.push(pyNumber(layer.rate));
      if (layer.seed !== undefined) args.push(`seed=${pyNumber(layer.seed)}`);
      break;
    case 'flatten':
      fn = 'tf.keras.layers.Flatten';
      break;
  }
  if (layer.name !== undefined) args.push(`name=${pyStr(layer.name)}`);
  const lines = [`${indent}${pyCall(fn, args, indent)},`];
  if (activation.after) {
    if (activation.after.comment) lines.push(`${indent}# ${activation.after.comment}`);
    lines.push(`${indent}${activation.after.layer},`);
  }
  return lines;
}
