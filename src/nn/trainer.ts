/**
 * The fit loop as a state machine: `step()` does one batch (and, after the last batch of an epoch, the epoch's
 * validation, callbacks and history), so the same code runs as a synchronous loop (Node, workers) and as
 * time-sliced async steps in a page. Everything is checked and every buffer made in the constructor; a step
 * allocates nothing.
 *
 * Keras semantics kept: batches of `batchSize` in order of a per-epoch permutation (the last one smaller), the
 * loss of each batch measured before its update, the epoch's loss and accuracy the sample-weighted means over
 * its batches, validation at the end of the epoch with the weights then, kernel/bias penalties in every loss.
 * Shuffling: one `RandomState(seed)` per fit call, and each epoch's order is its next `permutation(n)` (the
 * seed is the fit option, else the TrainSpec's, else the model's, else 0). `validationSplit` takes the last
 * fraction of the rows before any shuffling (Keras's split_at = floor(n·(1 − split))).
 */
import { RandomState } from '../random/index.js';
import type { CallbackSpec } from '../spec/types.js';
import { isCallbackObject, makeCallback, type BatchLogs, type Callback, type EpochLogs, type StopInfo, type TrainingContext } from './callbacks/index.js';
import { toLabels, toMatrix, type LabelInput, type Matrix, type MatrixInput } from './data-input.js';
import { refuse, refuseWith, SpecError } from './errors.js';
import { checkLimit } from '../spec/limits.js';
import { validateTrainSpec } from '../spec/validate-train.js';
import { evaluateMatrix, trainingWorkspace } from './evaluate.js';
import { accuracySum } from './metrics.js';
import { hasWeightPenalty, lossAndGradients, weightPenalty } from './passes.js';
import type { Sequential } from './sequential.js';
import type { GradientBuffer, Workspace } from './workspace.js';

/** Per-layer size of a gradient: the L2 norms of the kernel's and the bias's gradients. */
export interface LayerGradientNorm {
  kernel: number;
  bias: number;
}

/** Options of fit; each overrides the compiled TrainSpec's field of the same name. */
export interface FitOptions {
  batchSize?: number;
  epochs?: number;
  shuffle?: boolean;
  seed?: number;
  /** Fraction of rows (the last ones, taken before shuffling) held out for validation. */
  validationSplit?: number;
  /** Explicit validation set; wins over validationSplit, as in Keras. */
  validationData?: [MatrixInput, LabelInput];
  /** Callback specs (JSON) or callback objects; added after the TrainSpec's callbacks. */
  callbacks?: Array<CallbackSpec | Callback>;
  /** Called after every batch with the running logs (the object is reused: copy what you keep). */
  onBatchEnd?: (batch: number, logs: BatchLogs) => void;
  /** Called after every epoch, after the callbacks, with that epoch's logs. */
  onEpochEnd?: (epoch: number, logs: EpochLogs) => void;
  /**
   * Record per-layer gradient norms each epoch in `history.layerGradientNorms`: the mean over the epoch's batches
   * of each batch gradient's norm (the gradient the optimizer applied, penalties included).
   */
  recordGradientNorms?: boolean;
}

/** Keras's History: `history.history.loss[e]` etc., one entry per epoch run. */
export interface History {
  /** 0-based indices of the epochs run. */
  epoch: number[];
  /** Per-epoch values by Keras's names: loss, accuracy, val_loss, val_accuracy, lr. */
  history: Record<string, number[]>;
  params: { epochs: number; steps: number; batchSize: number; samples: number };
  /** Per epoch, per layer (when `recordGradientNorms`). */
  layerGradientNorms?: LayerGradientNorm[][];
  /** Set when training stopped before its last epoch (early stopping, a NaN loss, an abort, a callback). */
  stopped?: StopInfo;
}

/** One fit call in progress. */
export class Trainer {
  readonly history: History;
  /** True once training has finished (all epochs, or stopped). */
  done = false;
  /** Current 0-based epoch and batch within it. */
  epoch = 0;
  batch = 0;

  private readonly model: Sequential;
  private readonly x: Matrix;
  private readonly y: Float64Array;
  private readonly val: { m: Matrix; y: Float64Array } | null;
  private readonly batchSize: number;
  private readonly epochs: number;
  private readonly shuffle: boolean;
  private readonly rng: RandomState;
  private readonly order: Uint32Array;
  private readonly ws: Workspace;
  private readonly releaseWorkspace: () => void;
  private readonly grads: GradientBuffer;
  private readonly callbacks: Callback[];
  private readonly batchCallbacks: Callback[];
  private readonly checkNaN: boolean;
  private readonly weightPenalties: boolean;
  private readonly stepsPerEpoch: number;
  private readonly ctx: TrainingContext;
  private readonly batchLogs: BatchLogs;
  private readonly onBatchEnd?: FitOptions['onBatchEnd'];
  private readonly onEpochEnd?: FitOptions['onEpochEnd'];
  private readonly normSums: Float64Array | null;
  private lossSum = 0;
  private accSum = 0;
  private seen = 0;
  private started = false;

  /**
   * Checks everything and makes every buffer; no training happens yet.
   * @throws SpecError (field and value named) for bad options or data, Error when the model is not compiled.
   */
  constructor(model: Sequential, x: MatrixInput, y: LabelInput, options: FitOptions = {}) {
    const c = model.compiled;
    if (!c) throw new Error('fit needs a compiled model: call compile(model, trainSpec) first');
    const spec = c.trainSpec;
    this.model = model;
    const batchSize = options.batchSize ?? spec.batchSize ?? 32;
    const epochs = options.epochs ?? spec.epochs;
    if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) refuse('batchSize', 'must be a positive integer', batchSize);
    if (!(Number.isSafeInteger(epochs) && epochs >= 1)) refuse('epochs', 'must be an integer >= 1', epochs);
    checkLimit('epochs', epochs, 'maxEpochs');
    const split = options.validationData ? 0 : (options.validationSplit ?? spec.validationSplit ?? 0);
    if (!(split >= 0 && split < 1)) refuse('validationSplit', 'must be a number in [0, 1)', split);
    const seed = options.seed ?? spec.seed ?? model.spec.seed ?? 0;
    if (!(Number.isSafeInteger(seed) && seed >= 0 && seed <= 0xffffffff)) refuse('seed', 'must be an integer from 0 to 4294967295', seed);

    const all = toMatrix(x, model.inputDim, 'x');
    const labels = toLabels(y, c.loss.name, model.outputDim, all.rows, 'y');
    const lw = c.loss.labelWidth;
    let train = all;
    let trainY = labels;
    let val: { m: Matrix; y: Float64Array } | null = null;
    if (options.validationData) {
      const [vx, vy] = options.validationData;
      const vm = toMatrix(vx, model.inputDim, 'validationData[0]');
      val = { m: vm, y: toLabels(vy, c.loss.name, model.outputDim, vm.rows, 'validationData[1]') };
      if (vm.rows === 0) refuse('validationData[0]', 'must hold at least one row', 0);
    } else if (split > 0) {
      const at = Math.floor(all.rows * (1 - split));
      if (at === 0 || at === all.rows) {
        refuseWith('validationSplit', `validationSplit ${split} of ${all.rows} rows leaves ${at === 0 ? 'no training' : 'no validation'} rows`, split);
      }
      const d = model.inputDim;
      train = { data: all.data.slice(0, at * d), rows: at, cols: d };
      trainY = labels.slice(0, at * lw);
      val = { m: { data: all.data.slice(at * d), rows: all.rows - at, cols: d }, y: labels.slice(at * lw) };
    }
    if (train.rows === 0) refuse('x', 'must hold at least one row', 0);
    this.x = train;
    this.y = trainY;
    this.val = val;
    this.batchSize = batchSize;
    this.epochs = epochs;
    this.shuffle = options.shuffle ?? spec.shuffle ?? true;
    this.rng = new RandomState(seed);
    this.order = new Uint32Array(train.rows);
    this.stepsPerEpoch = Math.ceil(train.rows / batchSize);

    const extra = options.callbacks ?? [];
    const extraSpecs = extra.filter((cb) => !isCallbackObject(cb)) as CallbackSpec[];
    if (extraSpecs.length > 0) {
      // The fit option's callback specs get the same checks as a TrainSpec's (paths index into options.callbacks).
      const problems = validateTrainSpec({ ...spec, callbacks: extraSpecs }).filter((p) => p.path.startsWith('callbacks'));
      if (problems.length > 0) throw new SpecError(problems, 'fit options');
    }
    const specs: Array<CallbackSpec | Callback> = [...(spec.callbacks ?? []), ...extra];
    this.callbacks = specs.map((s, i) => makeCallback(s, i));
    const opt = c.optimizer;
    if (opt.hasSchedule) {
      const i = this.callbacks.findIndex((cb) => cb.name === 'ReduceLROnPlateau' || cb.name === 'LearningRateScheduler');
      if (i >= 0) {
        refuseWith(`callbacks[${i}]`, `${this.callbacks[i].name} cannot set the learning rate: the optimizer's learning rate is a schedule (Keras refuses this too)`, this.callbacks[i].name);
      }
    }
    this.batchCallbacks = this.callbacks.filter((cb) => cb.onBatchEnd || cb.onBatchBegin);
    this.checkNaN = this.callbacks.some((cb) => cb.name === 'TerminateOnNaN');
    this.weightPenalties = hasWeightPenalty(model.layers);
    this.onBatchEnd = options.onBatchEnd;
    this.onEpochEnd = options.onEpochEnd;
    const held = trainingWorkspace(model, Math.min(batchSize, train.rows), lw);
    this.ws = held.ws;
    this.releaseWorkspace = held.release;
    this.grads = this.ws.grads!;
    this.normSums = options.recordGradientNorms ? new Float64Array(2 * model.layers.length) : null;
    this.batchLogs = { batch: 0, size: 0, loss: 0, batchLoss: 0, ...(c.accuracy ? { accuracy: 0 } : {}) };
    this.ctx = {
      model,
      stopTraining: false,
      stopInfo: null,
      get iterations() {
        return opt.iterations;
      },
      getLearningRate: () => opt.learningRate,
      setLearningRate: (lr: number) => opt.setLearningRate(lr),
    };
    const history: Record<string, number[]> = { loss: [] };
    if (c.accuracy) history.accuracy = [];
    if (val) {
      history.val_loss = [];
      if (c.accuracy) history.val_accuracy = [];
    }
    history.lr = [];
    this.history = {
      epoch: [],
      history,
      params: { epochs, steps: this.stepsPerEpoch, batchSize, samples: train.rows },
      ...(options.recordGradientNorms ? { layerGradientNorms: [] } : {}),
    };
  }

  /** Runs one batch (plus the epoch's end after its last batch). Returns false once training is done. */
  step(): boolean {
    if (this.done) return false;
    if (!this.started) {
      this.started = true;
      for (const cb of this.callbacks) cb.onTrainBegin?.(this.ctx);
    }
    if (this.batch === 0) this.beginEpoch();
    // A callback may have aborted training (abort() from inside a hook): stop between steps.
    if (this.done) return false;
    if (!this.trainBatch()) {
      this.endEpoch();
      this.finish();
      return false;
    }
    if (this.done) return false;
    this.batch++;
    if (this.batch === this.stepsPerEpoch) {
      this.endEpoch();
      this.batch = 0;
      this.epoch++;
      if (this.ctx.stopTraining || this.epoch >= this.epochs) this.finish();
    }
    return !this.done;
  }

  /** Runs every remaining step synchronously and returns the history. */
  run(): History {
    while (this.step());
    return this.history;
  }

  /** Stops now (between steps), recording why; finishes the callbacks. */
  abort(message = 'Training was stopped.'): void {
    if (this.done) return;
    this.history.stopped = { reason: 'aborted', epoch: this.epoch, step: this.batch, message };
    this.finish();
  }

  private beginEpoch(): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    // numpy's permutation(n) is shuffle(arange(n)): the same draws, without a new array per epoch.
    if (this.shuffle) this.rng.shuffle(order);
    this.lossSum = 0;
    this.accSum = 0;
    this.seen = 0;
    this.normSums?.fill(0);
    for (const cb of this.callbacks) cb.onEpochBegin?.(this.epoch, this.ctx);
  }

  /** One optimizer step; false when the loss was not finite and TerminateOnNaN stopped training. */
  private trainBatch(): boolean {
    const model = this.model;
    const c = model.compiled!;
    const ws = this.ws;
    const start = this.batch * this.batchSize;
    const rows = Math.min(this.batchSize, this.x.rows - start);
    const d = model.inputDim;
    const lw = c.loss.labelWidth;
    const xs = this.x.data;
    const ys = this.y;
    const order = this.order;
    for (let r = 0; r < rows; r++) {
      const src = order[start + r];
      for (let k = 0; k < d; k++) ws.x[r * d + k] = xs[src * d + k];
      for (let k = 0; k < lw; k++) ws.y[r * lw + k] = ys[src * lw + k];
    }
    for (const cb of this.batchCallbacks) cb.onBatchBegin?.(this.batch, this.ctx);
    let loss = lossAndGradients(model.layers, ws, rows, c.loss);
    if (this.weightPenalties) loss += weightPenalty(model.layers);
    const L = model.layers.length;
    const acc = c.accuracy ? accuracySum(c.accuracy, ws.a[L - 1], ws.y, rows, model.outputDim, c.threshold) : 0;
    this.lossSum += loss * rows;
    this.accSum += acc;
    this.seen += rows;
    if (this.checkNaN && !(Number.isFinite(loss) && finiteSum(this.grads.flat))) {
      const what = Number.isFinite(loss) ? 'The gradient' : `The loss (${loss})`;
      this.history.stopped = {
        reason: 'nan',
        epoch: this.epoch,
        step: this.batch,
        message: `${what} became ${Number.isNaN(loss) ? 'NaN' : 'non-finite'} at epoch ${this.epoch + 1}, step ${this.batch + 1}: training stopped (TerminateOnNaN) and the weights from before that step were kept.`,
      };
      return false;
    }
    c.optimizer.step(model.params, this.grads.flat);
    if (this.normSums) this.addNorms();
    const logs = this.batchLogs;
    if (this.batchCallbacks.length > 0 || this.onBatchEnd) {
      logs.batch = this.batch;
      logs.size = rows;
      logs.batchLoss = loss;
      logs.loss = this.lossSum / this.seen;
      if (c.accuracy) logs.accuracy = this.accSum / this.seen;
      for (const cb of this.batchCallbacks) cb.onBatchEnd?.(this.batch, logs, this.ctx);
      this.onBatchEnd?.(this.batch, logs);
    }
    return true;
  }

  private addNorms(): void {
    const sums = this.normSums!;
    const g = this.grads;
    for (let l = 0; l < g.kernels.length; l++) {
      sums[2 * l] += norm(g.kernels[l]);
      sums[2 * l + 1] += norm(g.biases[l]);
    }
  }

  private endEpoch(): void {
    const c = this.model.compiled!;
    const logs: EpochLogs = { loss: this.seen > 0 ? this.lossSum / this.seen : NaN };
    if (c.accuracy) logs.accuracy = this.seen > 0 ? this.accSum / this.seen : NaN;
    if (this.val) {
      const v = evaluateMatrix(this.model, this.val.m, this.val.y);
      logs.val_loss = v.loss;
      if (c.accuracy) logs.val_accuracy = v.accuracy!;
    }
    logs.lr = c.optimizer.learningRate;
    for (const cb of this.callbacks) cb.onEpochEnd?.(this.epoch, logs, this.ctx);
    this.onEpochEnd?.(this.epoch, logs);
    const h = this.history;
    h.epoch.push(this.epoch);
    for (const key of Object.keys(h.history)) h.history[key].push(logs[key]);
    if (this.normSums && h.layerGradientNorms) {
      // Batches done this epoch: all of them, or those before a NaN stop.
      const steps = Math.max(1, this.batch);
      const n = this.model.layers.length;
      const perLayer: LayerGradientNorm[] = [];
      for (let l = 0; l < n; l++) perLayer.push({ kernel: this.normSums[2 * l] / steps, bias: this.normSums[2 * l + 1] / steps });
      h.layerGradientNorms.push(perLayer);
    }
    if (this.ctx.stopTraining && !h.stopped) {
      h.stopped = this.ctx.stopInfo ?? { reason: 'callback', epoch: this.epoch, message: `A callback stopped training after epoch ${this.epoch + 1}.` };
    }
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.releaseWorkspace();
    for (const cb of this.callbacks) cb.onTrainEnd?.(this.ctx);
  }
}

function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** True when every entry is finite (a NaN or ±∞ anywhere makes the sum non-finite). */
function finiteSum(a: Float64Array): boolean {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * 0;
  return s === 0;
}
