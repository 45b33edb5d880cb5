import type { ActivationName } from '../../src/spec/index.js';
import type { ChainRulePath, DeadUnits, Trace } from '../../src/nn/introspection-types.js';
import * as engine from './engine.js';
import { parseParamKey, withParam, type NetParams, type ParamKey } from './params.js';

/** Everything the mathlet shows about the network at one point. */
export interface NetState {
  point: readonly [number, number];
  trace: Trace;
  /** Hidden pre-activations z and activations a (first hidden layer). */
  hiddenZ: number[];
  hiddenA: number[];
  /** The output logits o (o0 purple, o1 gold) and probabilities softmax(10·o). */
  logits: number[];
  probabilities: number[];
  /** Dead hidden units (ReLU input ≤ 0), as booleans per unit. */
  dead: boolean[];
}

/**
 * The chain-rule network (2 inputs → hidden units → 2 outputs, p = softmax(10·o)) at given parameters, as the
 * elements see it. Every number comes from the engine (src/nn); this class only holds the model and names things.
 */
export class ChainRuleNet {
  private readonly cache = new Map<string, NetState>();
  private logitModel?: engine.Classifier;
  private hiddenModels?: { z: engine.Classifier; a: engine.Classifier };

  private constructor(
    readonly params: NetParams,
    readonly activation: ActivationName,
    /** The engine model: what nn-boundary and decisionGrid take. */
    readonly model: engine.Classifier,
  ) {}

  static build(params: NetParams, activation: ActivationName = 'relu'): ChainRuleNet {
    return new ChainRuleNet(params, activation, engine.buildChainRuleModel(params, activation));
  }

  get hidden(): number {
    return this.params.b1.length;
  }

  /** The same network with one parameter changed. */
  with(key: ParamKey, value: number): ChainRuleNet {
    return ChainRuleNet.build(withParam(this.params, key, value), this.activation);
  }

  at(point: readonly [number, number]): NetState {
    const k = `${point[0]},${point[1]}`;
    let s = this.cache.get(k);
    if (!s) {
      const trace = engine.trace(this.model, point);
      const dead: DeadUnits = engine.deadUnits(this.model, point);
      s = {
        point,
        trace,
        hiddenZ: [...trace.layers[0].z],
        hiddenA: [...trace.layers[0].a],
        logits: [...trace.layers[trace.layers.length - 1].z],
        probabilities: [...trace.output],
        dead: dead[0] ?? [],
      };
      if (this.cache.size > 32) this.cache.clear();
      this.cache.set(k, s);
    }
    return s;
  }

  /** ∂o_k/∂x_i for both inputs (the engine's inputGradient of output logit k). */
  inputGradient(point: readonly [number, number], output: number): number[] {
    return Array.from(engine.inputGradient(this.model, point, output));
  }

  /** Every path from input `input` to output logit `output`, with its factors and product (the engine's). */
  paths(point: readonly [number, number], input: number, output: number): ChainRulePath[] {
    return engine.chainRulePaths(this.model, point, input, output);
  }

  /** ∂(output logit k)/∂θ and ∂p_k/∂θ for one parameter θ. */
  paramGradient(point: readonly [number, number], key: ParamKey, output: number): { logit: number; probability: number } {
    const ref = parseParamKey(key);
    if (!ref) return { logit: NaN, probability: NaN };
    this.logitModel ??= engine.buildChainRuleModel(this.params, this.activation, true);
    return {
      logit: engine.outputParamGradient(this.logitModel, point, output, ref),
      probability: engine.outputParamGradient(this.model, point, output, ref),
    };
  }

  /** The value of every node at `point`: hidden z and a, logits o and probabilities p. */
  nodes(point: readonly [number, number]): NodeValues {
    const s = this.at(point);
    return { z: s.hiddenZ, a: s.hiddenA, o: s.logits, p: s.probabilities };
  }

  /**
   * d(node)/d(variable) for every node, where the variable is an input (`x`, `y`) or a parameter: the engine's
   * input gradients and output-parameter gradients of the network and of its first layer alone.
   */
  nodeDerivatives(point: readonly [number, number], variable: 'x' | 'y' | ParamKey): NodeValues {
    this.logitModel ??= engine.buildChainRuleModel(this.params, this.activation, true);
    this.hiddenModels ??= {
      z: engine.buildHiddenModel(this.params, 'linear'),
      a: engine.buildHiddenModel(this.params, this.activation),
    };
    const h = this.hidden;
    const units = (n: number, f: (k: number) => number) => Array.from({ length: n }, (_, k) => f(k));
    const { z, a } = this.hiddenModels;
    if (variable === 'x' || variable === 'y') {
      const i = variable === 'x' ? 0 : 1;
      return {
        z: units(h, (j) => engine.inputGradient(z, point, j)[i]),
        a: units(h, (j) => engine.inputGradient(a, point, j, 'probability')[i]),
        o: units(2, (k) => engine.inputGradient(this.model, point, k)[i]),
        p: units(2, (k) => engine.inputGradient(this.model, point, k, 'probability')[i]),
      };
    }
    const ref = parseParamKey(variable)!;
    const first = ref.name === 'W1' || ref.name === 'b1';
    return {
      z: units(h, (j) => (first ? engine.outputParamGradient(z, point, j, ref) : 0)),
      a: units(h, (j) => (first ? engine.outputParamGradient(a, point, j, ref) : 0)),
      o: units(2, (k) => engine.outputParamGradient(this.logitModel!, point, k, ref)),
      p: units(2, (k) => engine.outputParamGradient(this.model, point, k, ref)),
    };
  }
}

/** One number per node: hidden z and a, logits o, probabilities p (o and p in order purple, gold). */
export interface NodeValues {
  z: number[];
  a: number[];
  o: number[];
  p: number[];
}
