import { css } from 'lit';
import { planStyles } from '../internal/plan-view.js';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  planStyles,
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
      border-bottom: 1px solid var(--_border);
    }
    tr.diverged td:last-child {
      color: var(--_error-fg);
      font-weight: 600;
    }
    tr.best {
      background: var(--_ok-bg);
    }
    .recommendation {
      padding: 0.5rem;
      border-left: 4px solid var(--_weight);
      background: var(--_ok-bg);
    }
  `,
];
