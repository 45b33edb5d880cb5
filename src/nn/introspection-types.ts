/**
 * The shapes the introspection calls return. The mathlets draw straight from these, so they are a contract
 * between the engine (src/nn) and the elements (components/): change them on purpose only.
 */

/** One layer's values for one input: z = W·a_prev + b (pre-activation) and a = f(z). */
export interface LayerTrace {
  z: Float64Array;
  a: Float64Array;
}

/** trace(x): the input, then every Dense layer in order. `output` is the last layer's `a`. */
export interface Trace {
  input: Float64Array;
  layers: LayerTrace[];
  output: Float64Array;
}

/** dLoss/dW (kernel as [in][out], row-major Float64Array of in*out) and dLoss/db for each layer. */
export interface LayerGradient {
  kernel: Float64Array;
  bias: Float64Array | null;
}

/** One factor of a chain-rule product, labelled the way the mathlet shows it. */
export interface PathFactor {
  kind: 'weight' | 'activation-derivative' | 'output';
  /** Which layer (0 = first Dense layer) and unit the factor belongs to; for a weight, `from` is the unit it leaves. */
  layer: number;
  unit: number;
  from?: number;
  /** A short label, e.g. "w¹₁₀" or "relu′(z¹₀)". */
  label: string;
  /** The same label as a KaTeX string. */
  tex: string;
  value: number;
}

/** One path from an input to an output through one unit of each hidden layer. */
export interface ChainRulePath {
  /** The hidden unit the path passes through in each hidden layer. */
  units: number[];
  factors: PathFactor[];
  product: number;
  /** Set when the path is dead: the first hidden unit on it whose activation derivative is 0. */
  deadAt?: { layer: number; unit: number };
}

/** deadUnits(x): for each hidden layer, which units have zero activation derivative at x (ReLU input ≤ 0). */
export type DeadUnits = boolean[][];
