import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      margin-bottom: 0.5rem;
    }
    .bar .train {
      font-weight: 600;
    }
    .panels {
      display: grid;
      gap: 1rem;
    }
    /* Side by side from 880 px: a course column (about 930 px) holds both setups. */
    @container (min-width: 55rem) {
      .panels.two {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .panel {
      min-width: 0;
    }
    .title {
      margin: 0.25rem 0;
      font-size: 1.1rem;
      font-weight: 600;
    }
    .subhead {
      margin: 0.75rem 0 0.25rem;
      font-size: 0.95rem;
      font-weight: 600;
    }
    .desc {
      margin: 0 0 0.5rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    details.setup > summary {
      cursor: pointer;
      font-weight: 600;
      min-height: 2rem;
    }
    .editor {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: 0.375rem;
      padding: 0.5rem;
      margin: 0.25rem 0 0.5rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      font-size: 0.875rem;
    }
    .field.wide {
      grid-column: 1 / -1;
    }
    .field.wide select {
      max-width: 24rem;
    }
    .field.check {
      flex-direction: row;
      align-items: center;
      gap: 0.375rem;
    }
    input[type='text'],
    select {
      font: inherit;
      min-height: 2rem;
      max-width: 100%;
    }
    input[aria-invalid='true'] {
      border: 2px solid var(--_error-line);
    }
    .msg {
      color: var(--_error-fg);
      font-size: 0.8rem;
    }
    .layers {
      grid-column: 1 / -1;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.875rem;
    }
    .group-title {
      font-weight: 600;
    }
    .layer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
    }
    .layer input.units {
      width: 4rem;
    }
    .layer-actions {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .out {
      color: var(--_muted);
    }
    .summary {
      grid-column: 1 / -1;
      margin: 0;
    }
    .status {
      font-variant-numeric: tabular-nums;
      margin: 0.25rem 0;
      font-size: 0.875rem;
    }
    .plots {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: 1fr;
    }
    @container (min-width: 40rem) {
      .panels:not(.two) .plots {
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      }
    }
    figure {
      margin: 0;
      min-width: 0;
    }
    /* The parts redrawn while training keep their layout and paint to themselves. */
    figure.boundary,
    .curves > nn-curves,
    nn-gradient-flow,
    .status {
      contain: content;
    }
    figcaption {
      font-size: 0.8rem;
      color: var(--_muted);
    }
    .curves {
      display: grid;
      gap: 0.5rem;
      min-width: 0;
      --nn-curves-height: 180px;
    }
    .verdict code {
      font-size: 1rem;
      background: var(--_surface);
      padding: 0.125rem 0.375rem;
      border-radius: 0.25rem;
    }
    .verdict span {
      display: block;
      margin-top: 0.25rem;
    }
    .weights {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .histogram {
      width: 240px;
      max-width: 100%;
      height: auto;
    }
    .histogram rect {
      fill: var(--_pos);
    }
    .histogram text {
      font-size: 10px;
      fill: var(--_muted);
    }
    .keras pre {
      overflow-x: auto;
      background: var(--_surface);
      padding: 0.5rem;
      font-size: 0.8rem;
      max-height: 24rem;
    }
  `,
];
