import { NnTrainer } from './nn-trainer.component.js';

export { NnTrainer };
NnTrainer.define('nn-trainer');

declare global {
  interface HTMLElementTagNameMap {
    'nn-trainer': NnTrainer;
  }
}
