import { css } from 'lit';
import { planStyles } from '../internal/plan-view.js';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  planStyles,
  css`
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0.25rem 0;
    }
    label {
      font-size: 0.875rem;
      overflow-wrap: anywhere;
    }
    input[type='file'],
    input[type='text'] {
      max-width: 100%;
      font: inherit;
    }
    .status {
      font-size: 0.875rem;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    .bar {
      display: block;
      margin: 0.25rem 0;
    }
    progress {
      display: block;
      width: 100%;
    }
    .curves {
      display: grid;
      gap: 0.5rem;
      --nn-curves-height: 180px;
    }
    .grid {
      list-style: none;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
      gap: 0.5rem;
    }
    .grid > li {
      font-size: 0.75rem;
      border: 2px solid var(--nn-cifar-right, var(--_weight));
      padding: 0.25rem;
    }
    .grid > li.wrong {
      border-color: var(--nn-cifar-wrong, var(--_neg));
    }
    .grid canvas {
      width: 64px;
      height: 64px;
      image-rendering: pixelated;
      display: block;
    }
    .grid ol {
      margin: 0;
      padding-left: 1.1rem;
    }
    .truth {
      font-weight: 600;
    }
    .confusion-wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    .confusion {
      border-collapse: collapse;
      font-size: 0.75rem;
    }
    .confusion td,
    .confusion th {
      padding: 0.125rem 0.25rem;
      text-align: right;
    }
    .confusion td {
      background: rgb(33 102 172 / calc(var(--share) * 0.45));
    }
    .confusion td.diag {
      outline: 1px solid var(--_fg);
    }
  `,
];
