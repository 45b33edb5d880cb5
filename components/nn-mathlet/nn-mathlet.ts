import { NnMathlet } from './nn-mathlet.component.js';
import { NnNetwork } from '../nn-network/nn-network.component.js';
import { NnBoundary } from '../nn-boundary/nn-boundary.component.js';
import { NnMath } from '../nn-math/nn-math.component.js';

export { NnMathlet };
// The parts it renders are registered with it (define is idempotent), by call rather than by a bare import that a
// bundler may drop as side-effect free.
NnNetwork.define('nn-network');
NnBoundary.define('nn-boundary');
NnMath.define('nn-math');
NnMathlet.define('nn-mathlet');

declare global {
  interface HTMLElementTagNameMap {
    'nn-mathlet': NnMathlet;
  }
}
