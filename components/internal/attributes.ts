import type { ComplexAttributeConverter } from 'lit';
import { describeValue } from '../../src/spec/problems.js';

/**
 * What a converter returns when the attribute's text cannot be used. The element sees it before its update,
 * restores the previous value and reports the message (`nn-error` plus the visible message).
 */
export class BadAttribute {
  constructor(
    readonly attribute: string,
    readonly raw: string | null,
    readonly message: string,
  ) {}
}

/**
 * A property's value rule, for both ways a value arrives: `fromAttribute` reads the attribute's text (also a string
 * set as the property), `check` judges a value set from JavaScript. A removed attribute reads as `null`, which the
 * element turns into the property's default.
 */
export interface Kind<T> extends ComplexAttributeConverter<T | BadAttribute | null> {
  fromAttribute(text: string | null): T | BadAttribute | null;
  /** A message naming what is wrong with `value` (a property set from JavaScript), or undefined when it is usable. */
  check(value: unknown): string | undefined;
}

/** Attribute text as a message quotes it: long text is cut, so a 200,000-character value gives a short message. */
export function quote(text: string | null): string {
  const t = text ?? '';
  return JSON.stringify(t.length > 60 ? `${t.slice(0, 57)}...` : t).slice(1, -1);
}

/** Builds a Kind from a parser of text and a test of values, with one wording for both messages. */
function kind<T>(attribute: string, wants: string, parse: (text: string) => T | undefined, test: (v: unknown) => v is T, show: (v: T) => string = String): Kind<T> {
  return {
    fromAttribute(text) {
      if (text === null) return null;
      const v = parse(text);
      return v === undefined ? new BadAttribute(attribute, text, `${attribute}="${quote(text)}" ${wants}`) : v;
    },
    toAttribute(value) {
      return value instanceof BadAttribute ? value.raw : value === null ? null : show(value);
    },
    check(value) {
      return test(value) ? undefined : `${attribute} ${wants}, got ${describeValue(value)}`;
    },
  };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numberText = (text: string) => (text.trim() === '' ? NaN : Number(text));

/** `"0.2,0.3"` (also space-separated) → [0.2, 0.3]; as a property, an array of two finite numbers. */
export function pointConverter(attribute: string): Kind<readonly [number, number]> {
  const test = (v: unknown): v is readonly [number, number] => Array.isArray(v) && v.length === 2 && v.every(isFiniteNumber);
  return kind(
    attribute,
    'is not a point "x,y" (e.g. "0.2,0.3")',
    (text) => {
      const parts = text.trim().split(/[\s,]+/).filter(Boolean).map(Number);
      return test(parts) ? ([parts[0], parts[1]] as const) : undefined;
    },
    test,
    (p) => p.join(','),
  );
}

/**
 * JSON text → the parsed value (its shape is checked by the property's own `check`). The text `null` is refused: it
 * was written on purpose, unlike a removed attribute, and is not a value the element can draw.
 */
export function jsonConverter(attribute: string): Kind<unknown> {
  return {
    fromAttribute(text) {
      if (text === null) return null;
      try {
        const value: unknown = JSON.parse(text);
        return value === null ? new BadAttribute(attribute, text, `${attribute}="null" is not a value (remove the attribute for the default)`) : value;
      } catch {
        return new BadAttribute(attribute, text, `${attribute} is not valid JSON`);
      }
    },
    check: () => undefined,
  };
}

/** A whole number in [min, max]. */
export function integerConverter(attribute: string, min: number, max: number): Kind<number> {
  const test = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  return kind(attribute, `must be a whole number from ${min} to ${max}`, (t) => (test(numberText(t)) ? numberText(t) : undefined), test);
}

/** A finite number, optionally within [min, max]. */
export function numberConverter(attribute: string, min = -Infinity, max = Infinity): Kind<number> {
  const test = (v: unknown): v is number => isFiniteNumber(v) && v >= min && v <= max;
  const range = Number.isFinite(min) || Number.isFinite(max) ? ` from ${min} to ${max}` : '';
  return kind(attribute, `must be a number${range}`, (t) => (test(numberText(t)) ? numberText(t) : undefined), test);
}

/** One of a fixed set of words. */
export function enumConverter<T extends string>(attribute: string, allowed: readonly T[]): Kind<T> {
  const test = (v: unknown): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v);
  const list = allowed.map((a) => (a === '' ? '"" (none)' : a)).join(', ');
  return kind(attribute, `is not one of: ${list}`, (t) => (test(t.trim()) ? (t.trim() as T) : undefined), test);
}
