/**
 * Keras's losses on TF.js tensors, with the small engine's reading of tf.keras 2.x: a softmax (sigmoid) output
 * layer followed by a categorical (binary) cross-entropy computes the loss from the layer's logits, exactly, with
 * no clipping; any other pairing takes Keras's clipped probability path (ε = 1e-7). The model is run up to the
 * pre-activation of its last layer when the fused path applies (see forward.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../spec/index.js';

/** Keras's `backend.epsilon()`. */
export const KERAS_EPSILON = 1e-7;

/** What the model's last tensor is, as the loss reads it. */
export type OutputKind = 'softmax-logits' | 'sigmoid-logits' | 'logits' | 'probabilities';

/**
 * The mean loss over the batch.
 *
 * @param labels class ids (int32, [n]) for the categorical losses; targets ([n, units] float) for the others.
 * @param output the model's last tensor, read as `kind` says.
 */
export function lossValue(name: LossName, labels: tf.Tensor, output: tf.Tensor, kind: OutputKind): tf.Scalar {
  return tf.tidy(() => {
    switch (name) {
      case 'sparse_categorical_crossentropy':
      case 'categorical_crossentropy': {
        const classes = output.shape[output.shape.length - 1]!;
        const onehot = labels.dtype === 'int32' ? tf.oneHot(labels as tf.Tensor1D, classes) : labels;
        const logProb =
          kind === 'softmax-logits' || kind === 'logits'
            ? tf.logSoftmax(output)
            : tf.log(tf.clipByValue(tf.div(output, tf.sum(output, -1, true)), KERAS_EPSILON, 1 - KERAS_EPSILON));
        return tf.mean(tf.neg(tf.sum(tf.mul(onehot, logProb), -1)));
      }
      case 'binary_crossentropy': {
        const y = labels.dtype === 'int32' ? tf.reshape(tf.cast(labels, 'float32'), output.shape) : labels;
        if (kind === 'sigmoid-logits' || kind === 'logits') {
          // max(z, 0) − z·y + log(1 + e^−|z|): exact at any logit.
          const z = output;
          const perUnit = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
          return tf.mean(tf.mean(perUnit, -1));
        }
        const p = tf.clipByValue(output, KERAS_EPSILON, 1 - KERAS_EPSILON);
        const ll = tf.add(
          tf.mul(y, tf.log(tf.add(p, KERAS_EPSILON))),
          tf.mul(tf.sub(1, y), tf.log(tf.add(tf.sub(1, p), KERAS_EPSILON))),
        );
        return tf.mean(tf.neg(tf.mean(ll, -1)));
      }
      case 'mean_squared_error': {
        const y = labels.dtype === 'int32' ? tf.reshape(tf.cast(labels, 'float32'), output.shape) : labels;
        return tf.mean(tf.mean(tf.squaredDifference(output, y), -1));
      }
    }
  }) as tf.Scalar;
}

/** Probabilities (or the regression output) from the model's last tensor. */
export function toPrediction(output: tf.Tensor, kind: OutputKind): tf.Tensor {
  if (kind === 'softmax-logits') return tf.softmax(output);
  if (kind === 'sigmoid-logits') return tf.sigmoid(output);
  return output;
}

/**
 * The number of correct predictions in the batch (Keras's 'accuracy' for each loss: argmax for the categorical
 * ones, a 0.5 threshold for binary cross-entropy).
 */
export function correctCount(name: LossName, labels: tf.Tensor, prediction: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    if (name === 'binary_crossentropy') {
      const y = tf.reshape(tf.cast(labels, 'float32'), prediction.shape);
      return tf.sum(tf.cast(tf.equal(tf.greater(prediction, 0.5), tf.greater(y, 0.5)), 'float32'));
    }
    const truth = labels.dtype === 'int32' ? labels : tf.argMax(labels, -1);
    return tf.sum(tf.cast(tf.equal(tf.argMax(prediction, -1), truth), 'float32'));
  }) as tf.Scalar;
}
