import { css } from 'lit';

/**
 * Styles every element shares: the host box, the error message, focus rings and the class colours.
 *
 * The custom properties, overridable from the page:
 * --nn-gold (#e0a100), --nn-purple (#6a3d9a): the two classes (also told apart by shape: gold ●, purple ■);
 * --nn-positive (#2166ac), --nn-negative (#c2410c): weights by sign; --nn-weight (#1a7f37) and --nn-bias (#1f5fbf):
 * the slider colours; --nn-focus (#005fcc): focus rings; --nn-font, --nn-fg, --nn-bg, --nn-muted;
 * --nn-region-0, --nn-region-1, --nn-region-2 (#0072b2, #d55e00, #009e73, Okabe–Ito): regions told apart, such as
 * the dead regions of hidden units.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--nn-font, system-ui, sans-serif);
    color: var(--nn-fg, #1b1b1f);
    --_gold: var(--nn-gold, #e0a100);
    --_purple: var(--nn-purple, #6a3d9a);
    --_pos: var(--nn-positive, #2166ac);
    --_neg: var(--nn-negative, #c2410c);
    --_weight: var(--nn-weight, #1a7f37);
    --_bias: var(--nn-bias, #1f5fbf);
    --_focus: var(--nn-focus, #005fcc);
    --_muted: var(--nn-muted, #5f6368);
    --_bg: var(--nn-bg, #fff);
    --_region-0: var(--nn-region-0, #0072b2);
    --_region-1: var(--nn-region-1, #d55e00);
    --_region-2: var(--nn-region-2, #009e73);
  }
  /* The global hidden attribute hides the element, as on any other; :host's display would otherwise win over it. */
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .nn-error {
    margin: 0.25rem 0;
    padding: 0.375rem 0.5rem;
    border-left: 4px solid #b3261e;
    background: #fdecea;
    color: #8c1d18;
    font-size: 0.875rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid #8a8a92;
    border-radius: 0.375rem;
    background: #f6f6f8;
    color: inherit;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: #dbe6fb;
    border-color: var(--_focus);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
