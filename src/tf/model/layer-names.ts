/** Keras's default layer names, so a built or summarised model reads like `model.summary()` in Keras. */
import type { LayerSpec } from '../../spec/index.js';

/** Keras's base name of each layer kind (the first is `conv2d`, the next `conv2d_1`, ...). */
const KERAS_BASE_NAMES: Record<LayerSpec['type'], string> = {
  conv2d: 'conv2d',
  maxPooling2d: 'max_pooling2d',
  dropout: 'dropout',
  flatten: 'flatten',
  dense: 'dense',
};

/** Each spec layer's name: its own `name`, else Keras's default for a fresh model. */
export function kerasLayerNames(layers: readonly LayerSpec[]): string[] {
  const counts = new Map<string, number>();
  return layers.map((layer) => {
    if (layer.name) return layer.name;
    const base = KERAS_BASE_NAMES[layer.type];
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  });
}
