import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnLrSweep } from '../components/nn-lr-sweep/nn-lr-sweep.js';
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
  optimizer: string;
  subset: number;
  steps: number;
  batchSize: number;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-lr-sweep',
  component: 'nn-lr-sweep',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnLrSweep },
  args: { src: '/shared-data/cifar10/cifar10_tiny_100.bin', optimizer: 'rmsprop', subset: 100, steps: 10, batchSize: 10 },
  argTypes: { optimizer: { control: 'select', options: ['rmsprop', 'adam', 'sgd', 'adagrad', 'nadam'] } },
  render: (a) =>
    html`<nn-lr-sweep src=${a.src} optimizer=${a.optimizer} subset=${a.subset} steps=${a.steps} batch-size=${a.batchSize} .model=${SMALL}></nn-lr-sweep>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Problem 3's four rates (1e-5 to 1e-1) on a small net and the 100 real images: press “Run the sweep”. */
export const SmallNet: Story = {};
/** The homework's CNN, quick setting (25 steps per rate): meant for a real GPU. */
export const HomeworkCnnQuick: Story = {
  render: (a) => html`<nn-lr-sweep src=${a.src} quick></nn-lr-sweep>`,
};
/** At phone width. */
export const Phone: Story = {
  render: (a) => html`<div style="width: 340px"><nn-lr-sweep src=${a.src} .model=${SMALL}></nn-lr-sweep></div>`,
};
