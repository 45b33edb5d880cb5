// The element contract's property half: every public reactive property, set as an attribute or from JavaScript
// (what React, Vue and Svelte do), passes the same rule before the element updates.
import type { PropertyDeclaration, PropertyValues, ReactiveElement } from 'lit';
import { describeValue } from '../../src/spec/problems.js';
import { BadAttribute, type Kind } from './attributes.js';

declare module '@lit/reactive-element' {
  interface PropertyDeclaration<Type = unknown, TypeHint = unknown> {
    /**
     * nn-mathlets: the property's own check, run on every value (from the attribute or from JavaScript) after its
     * converter's rule: a message naming what is wrong, or undefined when the value can be used. `host` is the
     * element, for rules that depend on another property.
     */
    readonly check?: (value: never, host: never) => string | undefined;
  }
}

/** Where a refused value is reported: the message, the attribute (or property) name, and the value given. */
export type Report = (message: string, attribute: string, value: unknown) => void;

/** The outcome of checking one update's changed properties. */
export interface GuardResult {
  /** At least one public property was among the changes. */
  checked: boolean;
  /** At least one of them was refused (and put back). */
  refused: boolean;
}

/** The attribute's name, else the property's: what a message and `nn-error`'s `detail.attribute` name. */
export function attributeName(key: PropertyKey, options: PropertyDeclaration): string {
  return typeof options.attribute === 'string' ? options.attribute : String(key);
}

/** The rule a declaration implies: its converter's `check` when it is a Kind, else the hinted type's. */
function typeProblem(key: PropertyKey, options: PropertyDeclaration, value: unknown): string | undefined {
  const kind = options.converter as Partial<Kind<unknown>> | undefined;
  if (typeof kind?.check === 'function') return kind.check(value);
  const name = attributeName(key, options);
  if (options.type === String && typeof value !== 'string') return `${name} must be text, got ${describeValue(value)}`;
  if (options.type === Boolean && typeof value !== 'boolean') return `${name} must be true or false, got ${describeValue(value)}`;
  if (options.type === Number && !(typeof value === 'number' && Number.isFinite(value))) return `${name} must be a finite number, got ${describeValue(value)}`;
  return undefined;
}

/**
 * Checks the changed public properties of one element before each update. A value is, in turn:
 * - `null` or `undefined` (a removed attribute, or a framework unsetting a prop): the property's default, no message
 *   (the default itself is not checked: an element fits it to its other properties);
 * - a `BadAttribute` (text its converter could not read): refused;
 * - a string given to a property that is not text: read as the attribute's text would be;
 * - then held to the converter's rule (or its type's) and the declaration's `check`.
 * A refused value is put back to the value before this update (the default on the first one) and reported. A
 * property whose last value was refused counts any next value as a change, so that setting the good value back —
 * even the very value that was put back — updates the element and clears the message.
 */
export class PropertyGuard {
  /** Each property's first value: its initializer's, since initializers run before any attribute or outside set. */
  private readonly defaults = new Map<PropertyKey, unknown>();
  private readonly refused = new Set<PropertyKey>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly report: Report,
  ) {}

  /** The declaration of a public reactive property (not internal state), else undefined. */
  options(key: PropertyKey): PropertyDeclaration | undefined {
    const o = (this.host.constructor as typeof ReactiveElement).elementProperties.get(key);
    return o && !o.state ? o : undefined;
  }

  /** Whether `key` has been given its initial value (every public property must have one, even `undefined`). */
  hasDefault(key: PropertyKey): boolean {
    return this.defaults.has(key);
  }

  /** The property's default: the value its initializer gave it. */
  defaultOf(key: PropertyKey): unknown {
    return this.defaults.get(key);
  }

  /** Treats the next value of `key` as a change, even the one it holds (after an update with it threw). */
  markRefused(key: PropertyKey): void {
    if (this.options(key)) this.refused.add(key);
  }

  /** Called for every set, before Lit compares values: returns the options to compare with. */
  noteSet(key: PropertyKey, options: PropertyDeclaration | undefined, value: unknown): PropertyDeclaration | undefined {
    const own = this.options(key);
    if (!own) return options;
    if (!this.defaults.has(key)) this.defaults.set(key, value);
    return this.refused.has(key) ? { ...(options ?? own), hasChanged: () => true } : options;
  }

  /** Checks every changed public property (see the class comment); `first` is true before the first update. */
  validate(changed: PropertyValues, first: boolean): GuardResult {
    const self = this.host as unknown as Record<PropertyKey, unknown>;
    const result: GuardResult = { checked: false, refused: false };
    const refuse = (key: PropertyKey, options: PropertyDeclaration, message: string, value: unknown) => {
      result.refused = true;
      self[key] = first ? this.defaults.get(key) : changed.get(key);
      this.refused.add(key);
      this.report(message, attributeName(key, options), value);
    };
    const typed: Array<[PropertyKey, PropertyDeclaration]> = [];
    for (const key of [...changed.keys()]) {
      const options = this.options(key);
      if (!options) continue;
      result.checked = true;
      let value = self[key];
      if (typeof value === 'string' && options.type !== String) {
        const kind = options.converter as Partial<Kind<unknown>> | undefined;
        if (options.type === Boolean) value = true;
        else if (typeof kind?.fromAttribute === 'function') value = kind.fromAttribute(value);
        if (value !== self[key]) self[key] = value;
      }
      if (value === null || value === undefined || value === this.defaults.get(key)) {
        // The default is good by definition (an element fits it to its other properties in willUpdate).
        const d = this.defaults.get(key);
        if (value !== d) self[key] = d;
        this.refused.delete(key);
      } else if (value instanceof BadAttribute) refuse(key, options, value.message, value.raw);
      else {
        const problem = typeProblem(key, options, value);
        if (problem) refuse(key, options, problem, value);
        else typed.push([key, options]);
      }
    }
    // Rules that read another property run once every changed property has a usable type.
    for (const [key, options] of typed) {
      const value = self[key];
      const problem = options.check?.(value as never, this.host as never);
      if (problem) refuse(key, options, problem, value);
      else this.refused.delete(key);
    }
    return result;
  }
}
