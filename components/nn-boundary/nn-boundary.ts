import { NnBoundary } from './nn-boundary.component.js';

export { NnBoundary };
NnBoundary.define('nn-boundary');

declare global {
  interface HTMLElementTagNameMap {
    'nn-boundary': NnBoundary;
  }
}
