import { NnCurves } from './nn-curves.component.js';

export { NnCurves };
export type { CurveRun } from './curves-series.js';
NnCurves.define('nn-curves');

declare global {
  interface HTMLElementTagNameMap {
    'nn-curves': NnCurves;
  }
}
