/**
 * The checks a ModelSpec passes before the TF engine builds it: the shared validator (every field, named), then
 * what only this engine refuses.
 */
import { assertValidModelSpec, type ModelSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';

/**
 * Throws unless the TF engine can build `spec`.
 *
 * @throws {SpecError} listing every problem the shared validator finds; {@link TfError} `spec`, naming the field,
 *   for an activity regularizer (TF.js 4.22 cannot apply one to a concrete tensor: "Layer invocation in the presence
 *   of activity regularizer(s) is not supported").
 */
export function assertTfModelSpec(spec: ModelSpec): void {
  assertValidModelSpec(spec);
  spec.layers.forEach((layer, i) => {
    if (layer.type === 'dense' && layer.activityRegularizer) {
      throw new TfError(
        'spec',
        `layers[${i}].activityRegularizer: TensorFlow.js 4.22 cannot train with activity regularizers; ` +
          'use the small engine for this model, or a kernel regularizer.',
      );
    }
  });
}
