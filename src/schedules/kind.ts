/**
 * The shape every schedule file fills in: one object per schedule holds its defaults, its checks, its formula as
 * a function and its description, so adding a schedule means adding one file and one registry line.
 */
import type { ScheduleSpec } from '../spec/types.js';
import { joinPath, type ProblemList, POSITIVE_NUMBER } from '../spec/problems.js';
import type { LearningRateFn, ScheduleDescription } from './types.js';

export interface ScheduleKind<S extends ScheduleSpec> {
  name: S['name'];
  /** A heading for the picker and the plot ("Exponential decay"). */
  title: string;
  /** Every field this schedule takes besides `name`; a field of another schedule is flagged as not applicable. */
  fields: readonly string[];
  /** A spec a picker starts from, with every Keras default written out. */
  defaults: S;
  /** Adds a problem for every bad field; `base` is the spec's own path (`optimizer.learningRate`). */
  check(spec: Record<string, unknown>, problems: ProblemList, base: string): void;
  /** The formula as a function of the step; `spec` has passed `check`. Allocates nothing per call. */
  make(spec: S): LearningRateFn;
  /** The tf.keras call that builds the same schedule, and any Python it needs first. */
  keras(spec: S): KerasCall;
  /** Everything but the code, which `describeSchedule` adds from `keras`. */
  describe(spec: S): Omit<ScheduleDescription, 'kerasCode' | 'kerasPrelude'>;
}

/** A Python call split into its parts, so the caller lays it out (one line for a label, wrapped in a notebook). */
export interface KerasCall {
  fn: string;
  args: string[];
  /** Python that must run first (1cycle's class); empty for Keras's own classes. */
  prelude: string;
}

/** Checks a required learning-rate field: a positive finite number. */
export function checkRate(spec: Record<string, unknown>, key: string, problems: ProblemList, base: string): void {
  problems.check(joinPath(base, key), spec[key], POSITIVE_NUMBER);
}

/** The symbolic and numeric KaTeX of `\eta(t) = …`, built from one template so the two never disagree. */
export function etaOf(body: string): string {
  return `\\eta(t) = ${body}`;
}
