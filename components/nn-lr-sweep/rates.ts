// The `rates` attribute: a comma-separated list of positive learning rates.
import type { ComplexAttributeConverter } from 'lit';
import { BadAttribute } from '../internal/attributes.js';

/** "1e-4, 1e-3" → [0.0001, 0.001]; anything not a positive finite number is refused with a message. */
export const ratesConverter: ComplexAttributeConverter<number[] | BadAttribute | undefined> = {
  fromAttribute(value) {
    if (value === null || value.trim() === '') return undefined;
    const parts = value.split(/[\s,]+/).filter(Boolean);
    const rates = parts.map(Number);
    const bad = parts.find((_p, i) => !(Number.isFinite(rates[i]) && rates[i] > 0));
    if (bad !== undefined || rates.length > 12)
      return new BadAttribute('rates', value, bad !== undefined
        ? `rates="${value}": ${bad} is not a positive learning rate`
        : `rates="${value}": at most 12 rates`);
    return rates;
  },
};
