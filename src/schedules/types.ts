/**
 * Names and shapes the schedule functions share. The specs themselves live in `src/spec/types.ts` (the shared
 * contract); these are views of them, one per schedule.
 */
import type { ScheduleSpec } from '../spec/types.js';

/** 'ExponentialDecay', 'PiecewiseConstantDecay', …, 'OneCycle'. */
export type ScheduleName = ScheduleSpec['name'];

/** The spec of one schedule, by name: `ScheduleOf<'CosineDecay'>`. */
export type ScheduleOf<N extends ScheduleName> = Extract<ScheduleSpec, { name: N }>;

export type ExponentialDecaySpec = ScheduleOf<'ExponentialDecay'>;
export type PiecewiseConstantDecaySpec = ScheduleOf<'PiecewiseConstantDecay'>;
export type InverseTimeDecaySpec = ScheduleOf<'InverseTimeDecay'>;
export type PolynomialDecaySpec = ScheduleOf<'PolynomialDecay'>;
export type CosineDecaySpec = ScheduleOf<'CosineDecay'>;
export type CosineDecayRestartsSpec = ScheduleOf<'CosineDecayRestarts'>;
export type OneCycleSpec = ScheduleOf<'OneCycle'>;

/** A schedule as a function: the learning rate for the update made at `step` (optimizer iterations so far). */
export type LearningRateFn = (step: number) => number;

/** One argument of a schedule, for a picker UI and a parameter table. */
export interface ScheduleParam {
  /** The spec's field name (camelCase): what a UI writes back into the spec. */
  name: string;
  /** The Keras (or Géron) argument name, as it appears in `kerasCode`. */
  kerasName: string;
  /** The symbol used in `texSymbolic`, as KaTeX. */
  symbol: string;
  /** The value in effect (defaults filled in). */
  value: number | boolean | number[];
  description: string;
}

/** What an element needs to show a schedule: its name, formula (with numbers and symbolic), code and arguments. */
export interface ScheduleDescription {
  title: string;
  /** The formula with the spec's numbers, as KaTeX. */
  tex: string;
  /** The same formula in symbols (η₀, s, r, …), as KaTeX. */
  texSymbolic: string;
  /** A Python expression that builds the same schedule in tf.keras. */
  kerasCode: string;
  /** Python that must run before `kerasCode` (1cycle's class, which Keras lacks); empty for Keras's own classes. */
  kerasPrelude: string;
  params: ScheduleParam[];
}
