/**
 * Every schedule by name, in the order a picker lists them (Keras's classes first, then 1cycle).
 */
import type { ScheduleSpec } from '../spec/types.js';
import { COSINE_DECAY } from './cosine-decay.js';
import { COSINE_DECAY_RESTARTS } from './cosine-decay-restarts.js';
import { EXPONENTIAL_DECAY } from './exponential-decay.js';
import { INVERSE_TIME_DECAY } from './inverse-time-decay.js';
import type { ScheduleKind } from './kind.js';
import { ONE_CYCLE } from './one-cycle.js';
import { PIECEWISE_CONSTANT_DECAY } from './piecewise-constant-decay.js';
import { POLYNOMIAL_DECAY } from './polynomial-decay.js';
import type { ScheduleName, ScheduleOf } from './types.js';

type Registry = { [N in ScheduleName]: ScheduleKind<ScheduleOf<N>> };

const KINDS: Registry = {
  ExponentialDecay: EXPONENTIAL_DECAY,
  PiecewiseConstantDecay: PIECEWISE_CONSTANT_DECAY,
  InverseTimeDecay: INVERSE_TIME_DECAY,
  PolynomialDecay: POLYNOMIAL_DECAY,
  CosineDecay: COSINE_DECAY,
  CosineDecayRestarts: COSINE_DECAY_RESTARTS,
  OneCycle: ONE_CYCLE,
};

// The tables below are marked pure: the package's chunks bundle many modules together, and without the mark a
// site's bundler keeps them, and every schedule with them, on pages that never use a schedule.

/** Every schedule name, in picker order. */
export const SCHEDULE_NAMES: readonly ScheduleName[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(KINDS) as ScheduleName[]);

/** A heading per schedule ("Exponential decay"), for a picker. */
export const SCHEDULE_TITLES: Readonly<Record<ScheduleName, string>> = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ SCHEDULE_NAMES.map((n) => [n, KINDS[n].title])) as Record<ScheduleName, string>,
);

/** Every field any schedule takes, so one schedule's checks can flag another's field. */
export const ALL_SCHEDULE_FIELDS: readonly string[] = /* @__PURE__ */ Array.from(/* @__PURE__ */ new Set(/* @__PURE__ */ SCHEDULE_NAMES.flatMap((n) => KINDS[n].fields)));

/** A starting spec for each schedule, with Keras's defaults written out; a fresh copy each call, safe to edit. */
export function defaultSchedule<N extends ScheduleName>(name: N): ScheduleOf<N> {
  return structuredClone(KINDS[name].defaults) as ScheduleOf<N>;
}

/** The starting spec of every schedule, keyed by name (frozen: use `defaultSchedule(name)` for one to edit). */
export const SCHEDULE_DEFAULTS: Readonly<{ [N in ScheduleName]: Readonly<ScheduleOf<N>> }> = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ SCHEDULE_NAMES.map((n) => [n, Object.freeze(defaultSchedule(n))])) as {
    [N in ScheduleName]: ScheduleOf<N>;
  },
);

/** True for a known schedule name. */
export function isScheduleName(name: unknown): name is ScheduleName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(KINDS, name);
}

/** The implementation of a schedule, typed for its spec. */
export function scheduleKind<S extends ScheduleSpec>(spec: S): ScheduleKind<S> {
  return KINDS[spec.name] as unknown as ScheduleKind<S>;
}
