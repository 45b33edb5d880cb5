import { NnNudge } from './nn-nudge.component.js';

export { NnNudge };
NnNudge.define('nn-nudge');

declare global {
  interface HTMLElementTagNameMap {
    'nn-nudge': NnNudge;
  }
}
