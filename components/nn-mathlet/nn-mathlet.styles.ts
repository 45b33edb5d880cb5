import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_gap: var(--nn-mathlet-gap, 1rem);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .readout {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
      margin: 0 0 0.5rem;
      font-variant-numeric: tabular-nums;
    }
    .readout .p {
      font-size: 1.125rem;
    }
    .cls.gold {
      color: var(--_warn-fg);
      font-weight: 600;
    }
    .cls.gold::before {
      content: '● ';
      color: var(--_gold);
    }
    .cls.purple {
      color: var(--_purple);
      font-weight: 600;
    }
    .cls.purple::before {
      content: '■ ';
    }
    .right {
      color: var(--_ok-fg);
    }
    .wrong {
      color: var(--_error-fg);
    }
    .main {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_gap);
      align-items: start;
    }
    @container (min-width: 720px) {
      .main {
        grid-template-columns: minmax(240px, 5fr) minmax(300px, 7fr);
      }
    }
    nn-boundary {
      margin-inline: auto;
    }
    .panels {
      display: grid;
      gap: var(--_gap);
      margin-top: var(--_gap);
    }
    .panel {
      border-top: 1px solid var(--_border);
      padding-top: 0.5rem;
      min-width: 0;
    }
    .panel h3 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }
    .grads {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.5rem 0.5rem;
      align-items: center;
      margin: 0.25rem 0;
      font-variant-numeric: tabular-nums;
    }
    .grads dd {
      margin: 0;
    }
    .grads dd::before {
      content: '= ';
    }
    .wiggle-table {
      margin-top: 0.5rem;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .wiggle-table caption {
      text-align: start;
      font-size: 0.875rem;
      padding-bottom: 0.25rem;
    }
    .wiggle-table th,
    .wiggle-table td {
      padding: 0.125rem 0.75rem;
      border-bottom: 1px solid var(--_border);
      text-align: end;
    }
    .picker {
      display: grid;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .picker label {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      gap: 0.5rem;
    }
    .picker select {
      min-height: 2.75rem;
      width: 100%;
      max-width: 26rem;
      min-width: 0;
    }
    /* A finger's width: the network's own sliders are small on a phone. */
    .fine {
      max-width: 32rem;
      display: grid;
      grid-template-columns: 2.75rem minmax(0, 1fr) 2.75rem;
      gap: 0.5rem;
      align-items: center;
    }
    .fine button {
      min-height: 2.75rem;
      padding: 0;
      font-size: 1.25rem;
    }
    .fine input {
      width: 100%;
      height: 2.75rem;
      margin: 0;
      accent-color: var(--_weight);
    }
    .choose {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    select {
      font: inherit;
      min-height: 2rem;
    }
    .path-list {
      padding-inline-start: 1.25rem;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    .path-list li.dead {
      color: var(--_muted);
    }
    nn-math[display] {
      margin: 0.5rem 0;
    }
    /* The symbolic sum and its value side by side; on a narrow screen the value wraps under the sum. */
    .chain-sum {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      column-gap: 0.3em;
    }
    .chain-sum nn-math {
      min-width: 0;
      max-width: 100%;
    }
  `,
];
