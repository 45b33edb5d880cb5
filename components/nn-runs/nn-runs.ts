import { NnRuns } from './nn-runs.component.js';

export { NnRuns };
NnRuns.define('nn-runs');

declare global {
  interface HTMLElementTagNameMap {
    'nn-runs': NnRuns;
  }
}
