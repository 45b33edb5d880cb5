import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    select,
    input {
      font: inherit;
      min-height: 2rem;
      max-width: 100%;
    }
    input.delta {
      width: 6rem;
    }
    label {
      max-width: 100%;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      font-size: 0.9rem;
    }
    caption {
      text-align: start;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      padding: 0.125rem 0.375rem;
      border-bottom: 1px solid var(--_border);
      text-align: end;
    }
    th[scope='row'] {
      text-align: start;
      white-space: nowrap;
    }
    tr.dead {
      color: var(--_muted);
      background: var(--_surface);
    }
    .tag {
      font-size: 0.75rem;
      border: 1px solid var(--_control);
      border-radius: 0.25rem;
      padding: 0 0.25rem;
    }
    .bars {
      position: relative;
      width: 30%;
      min-width: 4rem;
    }
    .bar {
      position: absolute;
      height: 0.35rem;
    }
    .bar.linear {
      top: 0.3rem;
      background: var(--nn-nudge-linear, var(--_pos));
    }
    .bar.actual {
      top: 0.8rem;
      background: var(--nn-nudge-actual, var(--_neg));
    }
    @container (max-width: 420px) {
      th,
      td {
        padding: 0.125rem 0.2rem;
      }
      .bars,
      th.bars-head {
        display: none;
      }
    }
    .note {
      font-size: 0.875rem;
      color: var(--_muted);
    }
  `,
];
