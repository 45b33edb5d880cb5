import { NnCifar } from './nn-cifar.component.js';

export { NnCifar };
NnCifar.define('nn-cifar');

declare global {
  interface HTMLElementTagNameMap {
    'nn-cifar': NnCifar;
  }
}
