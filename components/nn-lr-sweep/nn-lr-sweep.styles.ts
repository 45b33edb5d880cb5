import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .rates,
    .backend {
      font-size: 0.875rem;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    fieldset.plan {
      display: grid;
      gap: 0.25rem;
      margin: 0.5rem 0;
      padding: 0.25rem 0.75rem 0.5rem;
      border: 1px solid var(--_muted);
      border-radius: 0.375rem;
    }
    fieldset.plan label {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 2rem;
    }
    fieldset.plan input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
    .progress {
      display: grid;
      gap: 0.25rem;
      margin: 0.5rem 0;
      font-variant-numeric: tabular-nums;
    }
    .progress progress {
      width: 100%;
    }
    table {
      border-collapse: collapse;
      font-size: 0.875rem;
      margin: 0.5rem 0;
      max-width: 100%;
    }
    th,
    td {
      padding: 0.125rem 0.5rem;
      text-align: right;
      border-bottom: 1px solid #ddd;
    }
    tr.diverged td:last-child {
      color: #8c1d18;
      font-weight: 600;
    }
    tr.best {
      background: #e8f3ec;
    }
    .recommendation {
      padding: 0.5rem;
      border-left: 4px solid var(--_weight);
      background: #f3f8f4;
    }
  `,
];
