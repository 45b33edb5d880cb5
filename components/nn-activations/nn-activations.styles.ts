import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    .toggles {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }
    .toggles button {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    .key {
      width: 1.5rem;
      height: 0.5rem;
    }
    .key line {
      stroke: var(--c);
      stroke-width: 3;
    }
    button[aria-pressed='false'] .key {
      opacity: 0.35;
    }
    .plots {
      display: grid;
      grid-template-columns: 1fr;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
    @container (min-width: 40rem) {
      .plots {
        grid-template-columns: 1fr 1fr;
      }
    }
    :host {
      container-type: inline-size;
    }
    svg[part='plot'] {
      width: 100%;
      height: auto;
      touch-action: pan-y;
    }
    .axes line {
      stroke: var(--_control);
    }
    .axes text {
      fill: var(--_muted);
      font-size: 11px;
    }
    .axes .title {
      font-size: 13px;
      fill: currentColor;
    }
    .curve {
      fill: none;
      stroke-width: 2.5;
    }
    .cursor {
      stroke: currentColor;
      stroke-opacity: 0.4;
    }
    label.x {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    label.x input {
      flex: 1;
      max-width: 24rem;
    }
    output,
    td {
      font-variant-numeric: tabular-nums;
    }
    table {
      border-collapse: collapse;
      margin: 0.5rem 0;
    }
    caption {
      text-align: left;
      color: var(--_muted);
    }
    th,
    td {
      padding: 0.125rem 0.75rem 0.125rem 0;
      text-align: left;
    }
    .formulas {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
      border-left: 4px solid var(--c);
      padding-left: 0.375rem;
    }
    dd {
      margin: 0;
    }
    dd p {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
    }
  `,
];
