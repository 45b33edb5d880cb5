import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    .picker {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: end;
    }
    .field {
      display: inline-flex;
      flex-direction: column;
      gap: 0.125rem;
      font-size: 0.875rem;
      min-width: 0;
    }
    .field.check {
      flex-direction: row;
      align-items: center;
      gap: 0.375rem;
    }
    .field input[type='number'],
    .field input[type='text'] {
      width: 8.5rem;
      max-width: 100%;
      font: inherit;
    }
    select {
      font: inherit;
      max-width: 100%;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      max-width: 40rem;
    }
    .axes line {
      stroke: var(--_muted);
    }
    .axes text {
      font-size: 11px;
      fill: var(--_fg);
    }
    .ytick {
      text-anchor: end;
    }
    .xtick,
    .xlabel {
      text-anchor: middle;
    }
    path.rate {
      fill: none;
      stroke: var(--nn-schedule-line, light-dark(#0072b2, #56b4e9));
      stroke-width: 2;
    }
    circle.cursor {
      fill: var(--nn-schedule-line, light-dark(#0072b2, #56b4e9));
    }
    .readout {
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .readout input {
      flex: 1 1 8rem;
      min-width: 0;
    }
    .formula {
      overflow-x: auto;
      max-width: 100%;
    }
    pre {
      margin: 0.25rem 0;
      padding: 0.5rem;
      background: var(--_surface);
      overflow-x: auto;
      max-width: 100%;
      font-size: 0.8125rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .status {
      margin-left: 0.5rem;
      font-size: 0.875rem;
    }
  `,
];
