import { NnBackprop } from './nn-backprop.component.js';

export { NnBackprop };
NnBackprop.define('nn-backprop');

declare global {
  interface HTMLElementTagNameMap {
    'nn-backprop': NnBackprop;
  }
}
