import { NnTransfer } from './nn-transfer.component.js';

export { NnTransfer };
NnTransfer.define('nn-transfer');

declare global {
  interface HTMLElementTagNameMap {
    'nn-transfer': NnTransfer;
  }
}
