/** A run's settings as the hparams table compares them: read from its spec (any lab's), then its own hparams. */
import type { HparamValue, RunRecord } from './types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "l1(0.001)", "l2(0.01)", "l1_l2(…)" for a regularizer spec; undefined for none. */
function regularizer(r: unknown): string | undefined {
  if (!isObj(r)) return undefined;
  const l1 = typeof r.l1 === 'number' && r.l1 > 0 ? r.l1 : 0;
  const l2 = typeof r.l2 === 'number' && r.l2 > 0 ? r.l2 : 0;
  if (l1 && l2) return `l1_l2(${l1}, ${l2})`;
  if (l1) return `l1(${l1})`;
  if (l2) return `l2(${l2})`;
  return undefined;
}

const named = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObj(v) && typeof v.name === 'string' ? v.name : undefined);

/**
 * The settings worth comparing across runs, by Keras's argument names: optimizer, learning_rate, batch_size,
 * epochs, early stopping's patience, layers, activation, kernel_initializer, kernel_regularizer, data — as far as
 * the run's spec says them (a 2-D lab's `{ data, model, train }` or a bare TrainSpec) — then the stage and the
 * run's own `hparams`, which win.
 */
export function runHparams(run: RunRecord): Record<string, HparamValue> {
  const out: Record<string, HparamValue> = {};
  const spec = isObj(run.spec) ? run.spec : {};
  const train = isObj(spec.train) ? spec.train : isObj(spec.optimizer) ? spec : undefined;
  const model = isObj(spec.model) ? spec.model : Array.isArray(spec.layers) ? spec : undefined;
  if (train) {
    const opt = isObj(train.optimizer) ? train.optimizer : {};
    if (typeof opt.name === 'string') out.optimizer = opt.name;
    const lr = opt.learningRate;
    if (typeof lr === 'number') out.learning_rate = lr;
    else if (isObj(lr) && typeof lr.name === 'string') {
      const first = lr.initialLearningRate ?? lr.maxLearningRate;
      out.learning_rate = typeof first === 'number' ? `${lr.name}(${first})` : lr.name;
    }
    if (typeof train.batchSize === 'number') out.batch_size = train.batchSize;
    if (typeof train.epochs === 'number') out.epochs = train.epochs;
    const es = Array.isArray(train.callbacks) ? train.callbacks.find((c) => isObj(c) && c.name === 'EarlyStopping') : undefined;
    out.early_stopping = isObj(es) ? `patience ${typeof es.patience === 'number' ? es.patience : 0}` : 'none';
  }
  if (model && Array.isArray(model.layers)) {
    const layers = model.layers.filter(isObj);
    out.layers = layers.length;
    const first = layers.find((l) => l.type === 'dense' || l.type === 'conv2d');
    const act = named(first?.activation);
    if (act) out.activation = act;
    const init = named(first?.kernelInitializer);
    if (init) out.kernel_initializer = init;
    out.kernel_regularizer = layers.map((l) => regularizer(l.kernelRegularizer)).find(Boolean) ?? 'none';
  }
  if (isObj(spec.data) && typeof spec.data.name === 'string') out.data = spec.data.name;
  if (run.stage) out.stage = run.stage;
  return { ...out, ...run.hparams };
}
