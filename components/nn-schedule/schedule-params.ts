// Turning a schedule spec into editable fields and back, and choosing how many steps a plot needs.
import { html, type TemplateResult } from 'lit';
import { defaultSchedule, isScheduleName, SCHEDULE_NAMES } from '../../src/schedules/index.js';
import { scheduleProblem } from '../internal/spec-checks.js';
import type { ScheduleParam } from '../../src/schedules/index.js';
import type { ScheduleSpec } from '../../src/spec/types.js';

/** A spec built from a name and parameter overrides, or the sentence saying why it cannot be used. */
export function buildSpec(name: string, params: unknown): { spec: ScheduleSpec } | { message: string; attribute: string } {
  if (!isScheduleName(name))
    return { message: `schedule="${name}" is not a schedule: one of ${SCHEDULE_NAMES.join(', ')}`, attribute: 'schedule' };
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params)))
    return { message: 'params must be a JSON object such as {"decayRate": 0.9}', attribute: 'params' };
  const spec = { ...defaultSchedule(name), ...(params as object | undefined), name } as ScheduleSpec;
  const message = specProblem(spec);
  return message ? { message, attribute: 'params' } : { spec };
}

/** The problems of a spec as one message, or undefined when it is valid. */
export const specProblem = scheduleProblem;

/** The spec's parameters without its name (what the `params` attribute holds). */
export function paramsOf(spec: ScheduleSpec): Record<string, unknown> {
  const { name: _name, ...rest } = spec;
  return rest;
}

/** How many steps show a schedule's whole shape: a few decay periods, or its full length. */
export function autoSteps(spec: ScheduleSpec): number {
  switch (spec.name) {
    case 'ExponentialDecay':
    case 'InverseTimeDecay':
      return spec.decaySteps * 5;
    case 'PiecewiseConstantDecay':
      return Math.ceil((spec.boundaries.at(-1) ?? 1000) * 1.5);
    case 'PolynomialDecay':
      return Math.ceil(spec.decaySteps * (spec.cycle ? 2.5 : 1.2));
    case 'CosineDecay':
      return Math.ceil(spec.decaySteps * 1.2);
    case 'CosineDecayRestarts': {
      const t = spec.tMul ?? 2;
      return Math.ceil(spec.firstDecaySteps * (1 + t + t * t));
    }
    case 'OneCycle':
      return spec.totalSteps;
  }
}

/** The text a field holds for a value (lists comma-separated). */
const fieldText = (v: ScheduleParam['value']) => (Array.isArray(v) ? v.join(', ') : String(v));

/** A field's text read back into a value, or a message naming the parameter. */
export function readField(param: ScheduleParam, input: HTMLInputElement): { value: number | boolean | number[] } | { message: string } {
  if (typeof param.value === 'boolean') return { value: input.checked };
  if (Array.isArray(param.value)) {
    const parts = input.value.split(/[\s,]+/).filter(Boolean).map(Number);
    return parts.every(Number.isFinite) ? { value: parts } : { message: `${param.name} must be numbers separated by commas` };
  }
  const n = input.value.trim() === '' ? NaN : Number(input.value);
  return Number.isFinite(n) ? { value: n } : { message: `${param.name} must be a number, got "${input.value}"` };
}

/** One labelled field per parameter; `onChange` gets the parameter and its input on a user's commit. */
export function paramFields(params: ScheduleParam[], onChange: (p: ScheduleParam, input: HTMLInputElement) => void): TemplateResult {
  const handler = (p: ScheduleParam) => (e: Event) => onChange(p, e.target as HTMLInputElement);
  return html`${params.map((p) =>
    typeof p.value === 'boolean'
      ? html`<label class="field check" title=${p.description}>
          <input type="checkbox" name=${p.name} .checked=${p.value} @change=${handler(p)} />
          <span>${p.name}</span></label>`
      : html`<label class="field" title=${p.description}>
          <span>${p.name}</span>
          <input type=${Array.isArray(p.value) ? 'text' : 'number'} name=${p.name} step="any" inputmode="decimal"
            .value=${fieldText(p.value)} @change=${handler(p)} /></label>`,
  )}`;
}
