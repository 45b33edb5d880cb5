import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnRuns } from '../components/nn-runs/nn-runs.js';
import { RunStore } from '../src/runs/index.js';

/** Four runs shaped like problems 6–8 (made up, deterministic): scalars, weight histograms, markers. */
function store(): RunStore {
  const s = new RunStore(100, { page: '/content/09-share-the-runs.html' });
  const make = (name: string, epochs: number, level: number, markers = {}) => {
    const run = s.add({ name, source: 'nn-trainer', stepsPerEpoch: 7, startedAt: Date.UTC(2026, 10, 26, 10, level), spec: { train: { optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, epochs: 400 }, model: { inputShape: [2], layers: [{ type: 'dense', units: 20, activation: 'relu', kernelRegularizer: level === 2 ? { l1: 0.001 } : level === 3 ? { l2: 0.01 } : undefined }] } } });
    for (let e = 0; e < epochs; e++) {
      const w = 0.03 * Math.sin(e * 1.3 + level) + 0.02 * Math.sin(e * 0.37 * (level + 1));
      s.appendEpoch(run.id, { loss: 0.7 * Math.exp(-e / 60) + 0.05 * level + 0.06 + w, accuracy: 0.5 + 0.42 * (1 - Math.exp(-e / 40)) - 0.03 * level + w / 3, val_loss: 0.7 * Math.exp(-e / 50) + 0.25 + 0.0004 * e + w, val_accuracy: 0.5 + 0.32 * (1 - Math.exp(-e / 30)) + w / 3 }, run.startedAt + 8 * (e + 1));
      s.appendHistograms(run.id, { 'dense/kernel_0': Array.from({ length: 40 }, (_, i) => Math.sin(i * 0.7 + e / 50) * (1 + e / 300) * Math.cos(i)), 'dense/bias_0': Array.from({ length: 20 }, (_, i) => 0.002 * i * e) });
    }
    s.end(run.id, 'done', { markers, summary: { testAccuracy: 0.79 + 0.02 * (level % 2) } });
  };
  make('nn-trainer#p6 · overfit', 400, 0);
  make('nn-trainer#p6 · early-stopping', 80, 1, { stoppedEpoch: 80, restoredEpoch: 60 });
  make('nn-trainer#p7 · l1', 400, 2, { lrChanges: [150] });
  make('nn-trainer#p8 · l2', 400, 3);
  return s;
}

interface Args {
  smoothing: number;
  xAxis: string;
  logScale: boolean;
  view: string;
  filter: string;
}

const meta: Meta<Args> = {
  title: 'Runs/nn-runs',
  component: 'nn-runs',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnRuns },
  args: { smoothing: 0.6, xAxis: 'epoch', logScale: false, view: 'scalars', filter: '' },
  argTypes: {
    smoothing: { control: { type: 'range', min: 0, max: 0.999, step: 0.001 } },
    xAxis: { control: 'select', options: ['epoch', 'step', 'relative'] },
    view: { control: 'select', options: ['scalars', 'histograms', 'hparams'] },
  },
  render: (a) => html`<nn-runs scope="page" ignore-link smoothing=${a.smoothing} x-axis=${a.xAxis} ?log-scale=${a.logScale} view=${a.view}
    filter=${a.filter} .store=${store()}></nn-runs>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Four runs overlaid per metric: train solid, validation dashed; early stopping's stop and restored epochs marked. */
export const Scalars: Story = {};
/** Losses on a log scale against optimizer steps. */
export const LogScaleBySteps: Story = { args: { logScale: true, xAxis: 'step' } };
/** TensorBoard's regular-expression filter: only the L1 and L2 runs. */
export const Filtered: Story = { args: { filter: 'l1|l2' } };
/** Each layer's kernel and bias over epochs, offset as TensorBoard draws them. */
export const Histograms: Story = { args: { view: 'histograms' } };
/** Settings and final values side by side, sortable. */
export const HParams: Story = { args: { view: 'hparams' } };
/** Before any run. */
export const Empty: Story = { render: () => html`<nn-runs scope="page" ignore-link .store=${new RunStore()}></nn-runs>` };
/** At phone width. */
export const Phone: Story = { render: () => html`<div style="width: 340px"><nn-runs scope="page" ignore-link .store=${store()}></nn-runs></div>` };
