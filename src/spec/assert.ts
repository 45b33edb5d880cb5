/**
 * Throwing forms of the validators, for code that must not start work on a bad spec (the engine, the workers).
 */
import { throwIfProblems } from './problems.js';
import type { DataSpec, ModelSpec, TrainSpec } from './types.js';
import { validateDataSpec } from './validate-data.js';
import { validateModelSpec } from './validate-model.js';
import { validateTrainSpec } from './validate-train.js';

/** Throws a SpecError naming every problem of a model spec. */
export function assertValidModelSpec(spec: unknown): asserts spec is ModelSpec {
  throwIfProblems(validateModelSpec(spec), 'model spec');
}

/** Throws a SpecError naming every problem of a train spec. */
export function assertValidTrainSpec(spec: unknown): asserts spec is TrainSpec {
  throwIfProblems(validateTrainSpec(spec), 'train spec');
}

/** Throws a SpecError naming every problem of a data spec. */
export function assertValidDataSpec(spec: unknown): asserts spec is DataSpec {
  throwIfProblems(validateDataSpec(spec), 'data spec');
}
