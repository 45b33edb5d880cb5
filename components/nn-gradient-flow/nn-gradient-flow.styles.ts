import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem 1rem;
      margin-bottom: 0.5rem;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    select {
      font: inherit;
      min-height: 2rem;
    }
    .note {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: var(--_muted);
    }
  `,
];
