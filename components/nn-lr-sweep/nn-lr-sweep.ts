import { NnLrSweep } from './nn-lr-sweep.component.js';

export { NnLrSweep };
NnLrSweep.define('nn-lr-sweep');

declare global {
  interface HTMLElementTagNameMap {
    'nn-lr-sweep': NnLrSweep;
  }
}
