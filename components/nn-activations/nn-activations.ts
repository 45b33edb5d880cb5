import { NnActivations } from './nn-activations.component.js';

export { NnActivations };
NnActivations.define('nn-activations');

declare global {
  interface HTMLElementTagNameMap {
    'nn-activations': NnActivations;
  }
}
