import { NnGradientFlow } from './nn-gradient-flow.component.js';

export { NnGradientFlow };
NnGradientFlow.define('nn-gradient-flow');

declare global {
  interface HTMLElementTagNameMap {
    'nn-gradient-flow': NnGradientFlow;
  }
}
