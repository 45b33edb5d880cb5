import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnCurves } from '../components/nn-curves/nn-curves.js';
import type { CurveRun } from '../components/nn-curves/nn-curves.js';

/** Curves shaped like an overfitting run and an early-stopped one (made up, deterministic). */
function runs(): CurveRun[] {
  const n = 120;
  const wave = (i: number) => 0.02 * Math.sin(i * 1.7) + 0.015 * Math.cos(i * 0.9);
  const base = {
    accuracy: Array.from({ length: n }, (_, i) => 0.55 + 0.4 * (1 - Math.exp(-i / 25)) + wave(i)),
    val_accuracy: Array.from({ length: n }, (_, i) => 0.55 + 0.3 * (1 - Math.exp(-i / 15)) - 0.0008 * Math.max(0, i - 40) + wave(i + 3)),
    loss: Array.from({ length: n }, (_, i) => 0.7 * Math.exp(-i / 30) + 0.05 + Math.abs(wave(i))),
    val_loss: Array.from({ length: n }, (_, i) => 0.7 * Math.exp(-i / 20) + 0.25 + 0.002 * Math.max(0, i - 40) + Math.abs(wave(i + 5))),
  };
  const stopped = 62;
  const es = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v.slice(0, stopped).map((x) => x + 0.004)]));
  return [
    { name: 'overfit', scalars: base, markers: { lrChanges: [80, 100] } },
    { name: 'early stopping', scalars: es, markers: { stoppedEpoch: stopped, restoredEpoch: stopped - 20 } },
  ];
}

interface Args {
  metric: string;
  smoothing: number;
  logScale: boolean;
  hideControls: boolean;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-curves',
  component: 'nn-curves',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnCurves },
  args: { metric: 'accuracy', smoothing: 0, logScale: false, hideControls: false },
  argTypes: { metric: { control: 'select', options: ['accuracy', 'loss'] }, smoothing: { control: { type: 'range', min: 0, max: 0.99, step: 0.01 } } },
  render: (a) => html`<nn-curves metric=${a.metric} smoothing=${a.smoothing} ?log-scale=${a.logScale} ?hide-controls=${a.hideControls}
    .runs=${runs()}></nn-curves>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Two runs: train solid, validation dashed; early stopping's stop and restored epochs and two rate changes marked. */
export const Accuracy: Story = {};
/** TensorBoard's smoothing at 0.8: the raw values stay faint behind. */
export const Smoothed: Story = { args: { smoothing: 0.8 } };
/** Losses on a log scale. */
export const LossLogScale: Story = { args: { metric: 'loss', logScale: true } };
/** Before any run. */
export const Empty: Story = { render: () => html`<nn-curves></nn-curves>` };
/** At phone width. */
export const Phone: Story = { render: (a) => html`<div style="width: 340px"><nn-curves metric=${a.metric} .runs=${runs()}></nn-curves></div>` };
