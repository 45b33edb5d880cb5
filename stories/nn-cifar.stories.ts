import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnCifar } from '../components/nn-cifar/nn-cifar.js';
import type { ModelSpec } from '../src/spec/types.js';

/** A small conv net, so the story trains in seconds on any backend. */
const SMALL: ModelSpec = {
  inputShape: [32, 32, 3],
  seed: 1,
  layers: [
    { type: 'conv2d', filters: 8, kernelSize: 3, strides: 2, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

interface Args {
  src: string;
  epochs: number;
  patience: number;
  batchSize: number;
  learningRate: number;
  validationSplit: number;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-cifar',
  component: 'nn-cifar',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnCifar },
  // One file with no test set: the last 20% of it tests (validation-split).
  args: { src: '/shared-data/cifar10/cifar10_tiny_100.bin', epochs: 5, patience: 5, batchSize: 20, learningRate: 0.001, validationSplit: 0.2 },
  render: (a) =>
    html`<nn-cifar src=${a.src} epochs=${a.epochs} patience=${a.patience} batch-size=${a.batchSize} learning-rate=${a.learningRate}
      validation-split=${a.validationSplit} model-name="story-small" .model=${SMALL}></nn-cifar>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A small net on the 100 real images: press “Train” (exponential decay, early stopping, then predictions). */
export const SmallNet: Story = {};
/** The homework's CNN with problem 4's settings (20 epochs, patience 5): meant for a real GPU and the full data. */
export const HomeworkCnn: Story = {
  render: (a) => html`<nn-cifar src=${a.src} model-name="homework-cnn"></nn-cifar>`,
};
/** The quick plan chosen, cut to a minute at the speed measured when “Train” is pressed; the homework's one click away. */
export const QuickPlan: Story = {
  render: (a) => html`<nn-cifar src=${a.src} epochs="20" batch-size=${a.batchSize} quick budget="60" model-name="story-quick" .model=${SMALL}></nn-cifar>`,
};
/** At phone width. */
export const Phone: Story = {
  render: (a) => html`<div style="width: 340px"><nn-cifar src=${a.src} .model=${SMALL}></nn-cifar></div>`,
};
