/** Turns a `randomState` argument into a generator, as scikit-learn's `check_random_state` does. */
import { RandomState } from '../random/index.js';

/** What a data function accepts as `randomState`: a seed, a generator (used and advanced in place), or nothing. */
export type RandomStateLike = number | RandomState | null | undefined;

/**
 * A number seeds a fresh {@link RandomState}; a `RandomState` is returned as is (and its stream advances).
 * Where scikit-learn would fall back to numpy's global generator (`None`), this uses a fresh `RandomState(0)`,
 * because nothing here may depend on hidden global state: the same call always gives the same data.
 */
export function checkRandomState(randomState: RandomStateLike, name = 'randomState'): RandomState {
  if (randomState == null) return new RandomState(0);
  if (randomState instanceof RandomState) return randomState;
  if (typeof randomState === 'number') {
    if (!Number.isInteger(randomState) || randomState < 0 || randomState > 0xffffffff) {
      throw new RangeError(`${name} must be an integer between 0 and 2**32 - 1, got ${randomState}`);
    }
    return new RandomState(randomState);
  }
  throw new TypeError(`${name} must be a number or a RandomState, got ${String(randomState)}`);
}
