import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      width: 100%;
      max-width: var(--nn-boundary-size, 420px);
    }
    .plot {
      position: relative;
      width: 100%;
      aspect-ratio: 1;
      border: 1px solid #9a9aa2;
      background: #f6f6f6;
    }
    canvas,
    svg {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    svg {
      overflow: visible;
      touch-action: none;
      cursor: crosshair;
      user-select: none;
      -webkit-user-select: none;
    }
    svg.readonly {
      cursor: default;
    }
    .outline {
      fill: none;
      stroke: #3c3c44;
      stroke-width: 1.5;
      stroke-dasharray: 5 4;
    }
    .outline-label {
      font-size: 12px;
      fill: #5a4500;
    }
    .gold {
      fill: var(--_gold);
      stroke: #3d2f00;
    }
    .purple {
      fill: var(--_purple);
      stroke: #1c0f2e;
    }
    .neutral {
      fill: #fff;
      stroke: #222;
    }
    .datum {
      stroke-width: 0.75;
    }
    .probe {
      cursor: grab;
      outline: none;
    }
    .probe-mark {
      stroke-width: 2;
    }
    .probe-halo {
      fill: rgba(255, 255, 255, 0.35);
      stroke: #111;
      stroke-width: 1.5;
    }
    .probe:focus-visible .probe-halo {
      stroke: var(--_focus);
      stroke-width: 3;
    }
    /* Dead regions: a hue and a hatch direction each (Okabe–Ito hues, from the base styles' variables). */
    .dead-region polygon {
      stroke: var(--_c);
      stroke-width: 1.5;
    }
    .dead-region.r0,
    .hatch.r0 {
      --_c: var(--_region-0);
    }
    .dead-region.r1,
    .hatch.r1 {
      --_c: var(--_region-1);
    }
    .dead-region.r2,
    .hatch.r2 {
      --_c: var(--_region-2);
    }
    .hatch line {
      stroke: var(--_c);
      stroke-width: 1.5;
      stroke-opacity: 0.6;
    }
    .dead-region text {
      font-size: 12px;
      font-weight: 600;
      fill: var(--_c);
      paint-order: stroke;
      stroke: var(--_bg);
      stroke-width: 4px;
    }
  `,
];
