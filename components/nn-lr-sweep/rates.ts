// The `rates` attribute: a comma-separated list of positive learning rates.
import { describeValue } from '../../src/spec/problems.js';
import { BadAttribute, quote, type Kind } from '../internal/attributes.js';

/** The most rates one sweep runs. */
export const MAX_RATES = 12;

const isRate = (r: unknown): r is number => typeof r === 'number' && Number.isFinite(r) && r > 0;

/** "1e-4, 1e-3" → [0.0001, 0.001]; anything not a positive finite number is refused with a message. */
export const ratesConverter: Kind<number[]> = {
  fromAttribute(value) {
    if (value === null || value.trim() === '') return null;
    const parts = value.split(/[\s,]+/).filter(Boolean);
    const rates = parts.map(Number);
    const bad = parts.find((_p, i) => !isRate(rates[i]));
    if (bad !== undefined || rates.length > MAX_RATES)
      return new BadAttribute('rates', value, bad !== undefined
        ? `rates="${quote(value)}": ${quote(bad)} is not a positive learning rate`
        : `rates="${quote(value)}": at most ${MAX_RATES} rates`);
    return rates;
  },
  check(value) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isRate)) return `rates must be an array of positive learning rates, got ${describeValue(value)}`;
    return value.length > MAX_RATES ? `rates: ${value.length} rates is over the limit of ${MAX_RATES}` : undefined;
  },
};
