/**
 * A model's summary computed from its spec alone (no TensorFlow.js): each layer's output shape and parameter count,
 * as Keras's `model.summary()` prints them. An element can show it before the worker has built anything.
 */
import type { LayerSpec, ModelSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';
import { kerasLayerNames } from './layer-names.js';

/** One row of a model summary. */
export interface LayerSummary {
  name: string;
  /** Keras's class name (Conv2D, MaxPooling2D, Dropout, Flatten, Dense). */
  className: string;
  /** Output shape without the batch axis. */
  outputShape: number[];
  params: number;
}

/** A whole model's summary. */
export interface ModelSummary {
  layers: LayerSummary[];
  /** Total parameters (all trainable in a freshly built model). */
  params: number;
}

const CLASS_NAMES: Record<LayerSpec['type'], string> = {
  conv2d: 'Conv2D',
  maxPooling2d: 'MaxPooling2D',
  dropout: 'Dropout',
  flatten: 'Flatten',
  dense: 'Dense',
};

const pair = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);

/** Output length of a window sliding over `size` (Keras's conv_output_length). */
function outputLength(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/**
 * Shapes and parameter counts of `spec`, layer by layer.
 *
 * @throws {TfError} `spec` when a layer does not fit the shape before it (a Conv2D on a flat input, a window larger
 *   than the image), naming the layer.
 */
export function summarizeModel(spec: ModelSpec): ModelSummary {
  const names = kerasLayerNames(spec.layers);
  let shape = [...spec.inputShape];
  const layers = spec.layers.map((layer, i): LayerSummary => {
    const where = `layers[${i}] (${names[i]})`;
    let params = 0;
    switch (layer.type) {
      case 'conv2d':
      case 'maxPooling2d': {
        if (shape.length !== 3) throw new TfError('spec', `${where} needs an image input [h, w, c], got [${shape}].`);
        const [h, w, c] = shape;
        const isConv = layer.type === 'conv2d';
        const [kh, kw] = pair(isConv ? layer.kernelSize : (layer.poolSize ?? 2));
        const [sh, sw] = pair(layer.strides ?? (isConv ? 1 : (layer.poolSize ?? 2)));
        const padding = isConv ? (layer.padding ?? 'valid') : 'valid';
        const oh = outputLength(h, kh, sh, padding);
        const ow = outputLength(w, kw, sw, padding);
        if (oh < 1 || ow < 1) throw new TfError('spec', `${where}: a ${kh}×${kw} window does not fit a ${h}×${w} input.`);
        const out = isConv ? layer.filters : c;
        if (isConv) params = kh * kw * c * out + out;
        shape = [oh, ow, out];
        break;
      }
      case 'dense': {
        const last = shape[shape.length - 1];
        params = last * layer.units + (layer.useBias === false ? 0 : layer.units);
        shape = [...shape.slice(0, -1), layer.units];
        break;
      }
      case 'flatten':
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'dropout':
        break;
    }
    return { name: names[i], className: CLASS_NAMES[layer.type], outputShape: [...shape], params };
  });
  return { layers, params: layers.reduce((a, l) => a + l.params, 0) };
}
