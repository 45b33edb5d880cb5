import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      font-size: 0.875rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: center;
      margin-bottom: 0.25rem;
    }
    .controls label {
      display: inline-flex;
      gap: 0.375rem;
      align-items: center;
      min-height: 2rem;
    }
    .controls input[type='range'] {
      width: 8rem;
    }
    output {
      font-variant-numeric: tabular-nums;
      min-width: 2.5em;
    }
    .plot {
      height: var(--nn-curves-height, 220px);
      width: 100%;
      touch-action: pan-y;
      /* Redrawn many times a second while a lab trains: keep its layout and paint to itself. */
      contain: strict;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
    .grid line {
      stroke: var(--_grid);
    }
    .grid line.axis {
      stroke: var(--_control);
    }
    .tick,
    .name,
    .empty,
    .marker text {
      fill: var(--_muted);
      font-size: 11px;
    }
    .series path {
      fill: none;
      stroke: var(--c);
      stroke-width: 2;
      stroke-linejoin: round;
    }
    .series path.raw {
      stroke-width: 1;
      opacity: 0.3;
    }
    .series path.line {
      stroke-dasharray: var(--d, none);
    }
    .marker line {
      stroke: var(--c);
      stroke-dasharray: 2 3;
    }
    .marker.nan line {
      stroke: var(--_error-line);
      stroke-dasharray: none;
    }
    .marker.lr {
      fill: var(--c);
    }
    .cursor {
      stroke: currentColor;
      stroke-opacity: 0.5;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .legend .key {
      color: var(--_muted);
    }
    svg.swatch {
      flex: none;
      display: inline-block;
      width: 1.25rem;
      height: 6px;
    }
    .swatch line {
      stroke: var(--c);
      stroke-width: 2;
    }
    .note {
      margin: 0.25rem 0 0;
      color: var(--_muted);
    }
    .readout {
      min-height: 1.25em;
      margin: 0.25rem 0 0;
      font-variant-numeric: tabular-nums;
    }
  `,
];
