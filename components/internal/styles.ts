import { css } from 'lit';

/**
 * Styles every element shares: the host box, the theme, the error message, focus rings and buttons.
 *
 * The theme follows the page's `color-scheme`: a page that declares `color-scheme: light dark` (or
 * `<meta name="color-scheme" content="light dark">`) gets light or dark elements from the reader's
 * `prefers-color-scheme`; `color-scheme: dark` (or `light`) on the page, or on the elements, forces one. Colours are
 * `light-dark()` pairs, each overridable from the page through its custom property:
 *
 * @cssprop --nn-font - Font of the text (default the system UI font).
 * @cssprop --nn-fg - Text colour (default #1b1b1f light, #e8e8ec dark).
 * @cssprop --nn-bg - Background of drawn shapes that must hide what is behind them (default #fff, #16161a); the
 *   elements themselves are transparent and show the page.
 * @cssprop --nn-muted - Secondary text: axes, captions, notes (default #5f6368, #a8acb3).
 * @cssprop --nn-border - Rules and table lines (default #d0d0d8, #4a4a52).
 * @cssprop --nn-surface - Background of buttons, code and highlighted rows (default #f6f6f8, #26262c).
 * @cssprop --nn-gold - The gold class, drawn as ● (default #e0a100, #f0b92a).
 * @cssprop --nn-purple - The purple class, drawn as ■ (default #6a3d9a, #b58be0).
 * @cssprop --nn-positive - Positive weights (default #2166ac, #6aa7e8).
 * @cssprop --nn-negative - Negative weights (default #c2410c, #f08a5d).
 * @cssprop --nn-weight - Weight sliders (default #1a7f37, #4cc36f).
 * @cssprop --nn-bias - Bias sliders (default #1f5fbf, #7aa5f5).
 * @cssprop --nn-focus - Focus rings (default #005fcc, #7ab4ff).
 * @cssprop --nn-error - Text of error messages (default #8c1d18, #ffb4ab); their box uses --nn-error-bg.
 * @cssprop --nn-error-bg - Background of error messages (default #fdecea, #3b1512).
 * @cssprop --nn-region-0 - First of the regions told apart, such as a hidden unit's dead region (default #0072b2, #56b4e9;
 *   Okabe–Ito hues).
 * @cssprop --nn-region-1 - Second region (default #d55e00, #f08a5d).
 * @cssprop --nn-region-2 - Third region (default #009e73, #2fc59a).
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--nn-font, system-ui, sans-serif);
    --_fg: var(--nn-fg, light-dark(#1b1b1f, #e8e8ec));
    --_bg: var(--nn-bg, light-dark(#fff, #16161a));
    --_muted: var(--nn-muted, light-dark(#5f6368, #a8acb3));
    --_border: var(--nn-border, light-dark(#d0d0d8, #4a4a52));
    --_surface: var(--nn-surface, light-dark(#f6f6f8, #26262c));
    --_gold: var(--nn-gold, light-dark(#e0a100, #f0b92a));
    --_purple: var(--nn-purple, light-dark(#6a3d9a, #b58be0));
    --_pos: var(--nn-positive, light-dark(#2166ac, #6aa7e8));
    --_neg: var(--nn-negative, light-dark(#c2410c, #f08a5d));
    --_weight: var(--nn-weight, light-dark(#1a7f37, #4cc36f));
    --_bias: var(--nn-bias, light-dark(#1f5fbf, #7aa5f5));
    --_focus: var(--nn-focus, light-dark(#005fcc, #7ab4ff));
    --_error-fg: var(--nn-error, light-dark(#8c1d18, #ffb4ab));
    --_error-bg: var(--nn-error-bg, light-dark(#fdecea, #3b1512));
    --_region-0: var(--nn-region-0, light-dark(#0072b2, #56b4e9));
    --_region-1: var(--nn-region-1, light-dark(#d55e00, #f08a5d));
    --_region-2: var(--nn-region-2, light-dark(#009e73, #2fc59a));
    /* Internal shades, from the ones above or fixed per scheme. */
    --_error-line: light-dark(#b3261e, #f2564b);
    --_control: light-dark(#8a8a92, #8f8f99);
    --_grid: light-dark(#e3e3e8, #34343b);
    --_pressed: light-dark(#dbe6fb, #22385e);
    --_ok-fg: light-dark(#1a6b32, #7ddc97);
    --_ok-bg: light-dark(#e8f3ec, #173322);
    --_warn-fg: light-dark(#7a5800, #f3c969);
    --_warn-bg: light-dark(#fdf1dc, #3a2c10);
    --_warn-line: light-dark(#b45309, #e59a4f);
    --_info-bg: light-dark(#e6eefa, #1c2c47);
    color: var(--_fg);
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
    border-left: 4px solid var(--_error-line);
    background: var(--_error-bg);
    color: var(--_error-fg);
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
    border: 1px solid var(--_control);
    border-radius: 0.375rem;
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--_pressed);
    border-color: var(--_focus);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
