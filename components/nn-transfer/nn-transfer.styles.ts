import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    .step {
      margin: 0.75rem 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .title {
      font-weight: 600;
      margin: 0.25rem 0;
      padding: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0.25rem 0;
    }
    label,
    .note,
    .status {
      font-size: 0.875rem;
      overflow-wrap: anywhere;
    }
    .choice {
      display: block;
      margin: 0.125rem 0;
    }
    .status,
    .muted {
      color: var(--_muted);
    }
    input[type='file'] {
      max-width: 100%;
      font: inherit;
    }
    input[type='number'] {
      width: 6.5rem;
      font: inherit;
    }
    .stage {
      margin: 0.5rem 0;
    }
    .stage .label {
      margin: 0;
      font-size: 0.875rem;
    }
    .bar {
      display: block;
      margin: 0.25rem 0;
      font-size: 0.875rem;
    }
    progress {
      display: block;
      width: 100%;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      font-size: 0.8125rem;
    }
    caption {
      text-align: left;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    td,
    th {
      padding: 0.125rem 0.375rem;
      text-align: right;
    }
    th[scope='row'] {
      text-align: left;
      font-weight: 500;
    }
    tr.head th[scope='row'] {
      font-weight: 700;
    }
    small {
      color: var(--_muted);
    }
    .sentence {
      font-size: 0.9375rem;
      line-height: 1.45;
    }
    .matrices {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin: 0.5rem 0;
    }
    .confusion td {
      background: color-mix(in srgb, var(--_pos) calc(var(--share) * 45%), transparent);
    }
    .confusion td.diag {
      outline: 1px solid currentColor;
    }
    .grid {
      list-style: none;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
      gap: 0.5rem;
    }
    .grid > li {
      display: flex;
      flex-direction: column;
      font-size: 0.75rem;
      border: 1px solid var(--_muted);
      padding: 0.25rem;
    }
    .grid canvas {
      width: 64px;
      height: 64px;
      image-rendering: pixelated;
    }
    .truth {
      font-weight: 600;
    }
  `,
];
