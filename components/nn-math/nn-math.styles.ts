import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: inline;
      position: relative;
      font-size: var(--nn-math-size, 1em);
    }
    :host([display]) {
      display: block;
      max-width: 100%;
      overflow-x: auto;
      overflow-y: hidden;
    }
    :host([hidden]) {
      display: none;
    }
    .nn-error {
      display: inline-block;
    }
    /* The room kept for a formula while KaTeX loads; display formulas get KaTeX's own 1em margins. */
    .reserve {
      display: inline-block;
    }
    :host([display]) .pending {
      display: block;
      margin: 1em 0;
      text-align: center;
    }
  `,
];
