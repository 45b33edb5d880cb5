import { NnMath } from './nn-math.component.js';

export { NnMath };
NnMath.define('nn-math');

declare global {
  interface HTMLElementTagNameMap {
    'nn-math': NnMath;
  }
}
