import { NnNetwork } from './nn-network.component.js';

export { NnNetwork };
NnNetwork.define('nn-network');

declare global {
  interface HTMLElementTagNameMap {
    'nn-network': NnNetwork;
  }
}
