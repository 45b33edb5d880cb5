import type { ComplexAttributeConverter } from 'lit';

/**
 * What an attribute converter returns when the attribute's text cannot be used. The element sees it in
 * `willUpdate`, restores the previous value and reports the message (`nn-error` plus the visible message).
 */
export class BadAttribute {
  constructor(
    readonly attribute: string,
    readonly raw: string | null,
    readonly message: string,
  ) {}
}

/** `"0.2,0.3"` (also space-separated) → [0.2, 0.3]. */
export function pointConverter(attribute: string): ComplexAttributeConverter<readonly [number, number] | BadAttribute> {
  return {
    fromAttribute(value) {
      const parts = (value ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
      if (parts.length !== 2 || !parts.every(Number.isFinite))
        return new BadAttribute(attribute, value, `${attribute}="${value}" is not a point "x,y" (e.g. "0.2,0.3")`);
      return [parts[0], parts[1]] as const;
    },
    toAttribute(value) {
      return value instanceof BadAttribute ? value.raw : value.join(',');
    },
  };
}

/** JSON text → the parsed value (checked for shape by the element). */
export function jsonConverter(attribute: string): ComplexAttributeConverter<unknown> {
  return {
    fromAttribute(value) {
      if (value === null) return undefined;
      try {
        return JSON.parse(value);
      } catch {
        return new BadAttribute(attribute, value, `${attribute} is not valid JSON`);
      }
    },
  };
}

/** A whole number in [min, max]. */
export function integerConverter(attribute: string, min: number, max: number): ComplexAttributeConverter<number | BadAttribute> {
  return {
    fromAttribute(value) {
      const n = Number(value);
      if (value === null || value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
        return new BadAttribute(attribute, value, `${attribute}="${value}" must be a whole number from ${min} to ${max}`);
      return n;
    },
    toAttribute(value) {
      return value instanceof BadAttribute ? value.raw : String(value);
    },
  };
}

/** A finite number, optionally within [min, max]. */
export function numberConverter(attribute: string, min = -Infinity, max = Infinity): ComplexAttributeConverter<number | BadAttribute> {
  return {
    fromAttribute(value) {
      const n = Number(value);
      if (value === null || value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
        return new BadAttribute(attribute, value, `${attribute}="${value}" must be a number${Number.isFinite(min) ? ` from ${min} to ${max}` : ''}`);
      return n;
    },
    toAttribute(value) {
      return value instanceof BadAttribute ? value.raw : String(value);
    },
  };
}

/** One of a fixed set of words. */
export function enumConverter<T extends string>(attribute: string, allowed: readonly T[]): ComplexAttributeConverter<T | BadAttribute> {
  return {
    fromAttribute(value) {
      const v = (value ?? '').trim() as T;
      if (!allowed.includes(v))
        return new BadAttribute(attribute, value, `${attribute}="${value}" is not one of: ${allowed.join(', ')}`);
      return v;
    },
    toAttribute(value) {
      return value instanceof BadAttribute ? value.raw : value;
    },
  };
}
