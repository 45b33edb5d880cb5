import { createContext } from '@lit/context';
import type { NetParams, ParamKey } from './params.js';
import type { ChainRuleNet } from './chain-rule-net.js';

/**
 * The one model a composite mathlet shares with the elements inside it (its own parts, and any nn-network or
 * nn-boundary an author puts in its light DOM). The provider replaces the whole object on every change, so
 * consumers compare by identity; they never change it, they fire events (`nn-point-move`, `nn-param-change`,
 * `nn-param-select`) and the provider answers with a new value.
 */
export interface SharedModel {
  /** The network at the current parameters, with its trace at the current point. */
  net: ChainRuleNet;
  params: NetParams;
  point: readonly [number, number];
  /** Nothing may be changed by the student. */
  readonly: boolean;
  /** The parameter picked for part (a), if any. */
  selected?: ParamKey;
  /** The input and output whose chain-rule paths part (c) shows, if any. */
  paths?: { input: number; output: number };
}

/** The context key of the shared model. */
export const modelContext = createContext<SharedModel | undefined>(Symbol('nn-mathlets/model'));
