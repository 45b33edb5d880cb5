import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      width: 100%;
      min-width: 280px;
    }
    .net {
      position: relative;
      width: 100%;
      overflow: hidden;
    }
    svg {
      display: block;
      position: absolute;
      inset: 0;
      overflow: visible;
    }
    .edge {
      stroke-linecap: round;
    }
    .edge.pos {
      stroke: var(--_pos);
    }
    .edge.neg {
      stroke: var(--_neg);
    }
    .edge.dead {
      stroke-dasharray: 5 4;
      opacity: 0.55;
    }
    .edge.dim {
      opacity: 0.18;
    }
    .edge.on-path {
      filter: drop-shadow(0 0 2px #ffe066);
    }
    .edge.dead-path {
      opacity: 0.5;
      filter: none;
    }
    .edge.selected {
      filter: drop-shadow(0 0 3px #1a7f37);
    }
    .node {
      outline: none;
      cursor: default;
    }
    .node circle,
    .node rect {
      fill: #fff;
      stroke: #333;
      stroke-width: 1.5;
    }
    .node.gold circle {
      fill: var(--_gold);
    }
    .node.purple rect {
      fill: var(--_purple);
    }
    .node.purple .value {
      fill: light-dark(#fff, #1b1b1f);
    }
    /* Nodes keep their light fill on a dark theme: the values inside are read as on paper. */
    .node.dead circle {
      fill: #d5d5d8;
      stroke: #8a8a92;
      stroke-dasharray: 3 2;
    }
    .node.dead .value {
      fill: #5f6368;
    }
    .node .cross {
      stroke: #8a8a92;
      stroke-width: 1.5;
    }
    .node:focus-visible circle,
    .node:focus-visible rect,
    .node.focused circle,
    .node.focused rect {
      stroke: var(--_focus);
      stroke-width: 3;
    }
    .value {
      font-size: 11px;
      font-variant-numeric: tabular-nums;
      pointer-events: none;
    }
    .name {
      font-size: 12px;
      fill: var(--_fg);
      paint-order: stroke;
      stroke: var(--_bg);
      stroke-width: 3px;
    }
    .slider {
      position: absolute;
      /* A 24 px touch target (WCAG 2.2, 2.5.8); the track and thumb look as before. */
      height: 24px;
      margin: 0;
      padding: 0;
      cursor: pointer;
      background: transparent;
    }
    .slider.weight {
      accent-color: var(--_weight);
    }
    .slider.bias {
      accent-color: var(--_bias);
    }
    .slider.selected {
      outline: 2px solid var(--_weight);
      outline-offset: 1px;
    }
    .slider:focus-visible {
      outline: 3px solid var(--_focus);
    }
    .detail {
      min-height: 1.4em;
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      font-variant-numeric: tabular-nums;
    }
  `,
];
