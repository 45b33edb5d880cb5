import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnTransfer } from '../components/nn-transfer/nn-transfer.js';

interface Args {
  src: string;
  baseSrc: string;
  subset: number;
  epochs: number;
  fineTuneEpochs: number;
  learningRate: number;
  budget: number;
  headUnits: number;
  batchSize: number;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-transfer',
  component: 'nn-transfer',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnTransfer },
  // The course's base model and the 100 real images (the last 20 test), so every step runs in seconds.
  args: {
    src: '/shared-data/cifar10/cifar10_tiny_100.bin',
    baseSrc: '/content/models/cifar10-base/model.json',
    subset: 0,
    epochs: 5,
    fineTuneEpochs: 5,
    learningRate: 0.001,
    budget: 60,
    headUnits: 64,
    batchSize: 16,
  },
  render: (a) =>
    html`<nn-transfer src=${a.src} base-src=${a.baseSrc} subset=${a.subset} epochs=${a.epochs} fine-tune-epochs=${a.fineTuneEpochs}
      learning-rate=${a.learningRate} budget=${a.budget} head-units=${a.headUnits} batch-size=${a.batchSize} model-name="story-transfer"></nn-transfer>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Problem 5 on 100 real images: load the base and the data, train the new head, measure and fine-tune, compare. */
export const SmallData: Story = {};
/** Problem 5's page settings: the 10,000/2,000-image files, the default head (128 units), a 3-minute stage 2. */
export const CourseSettings: Story = {
  render: () => html`<nn-transfer src="/shared-data/cifar10/cifar10_train_10k.bin /shared-data/cifar10/cifar10_test_2k.bin"
    base-src="/content/models/cifar10-base/model.json" model-name="story-transfer-course"></nn-transfer>`,
};
/** Problem 6's page: the base and the transferred model saved by problem 5's page, compared on the test images. */
export const Compare: Story = {
  render: (a) => html`<nn-transfer view="compare" src=${a.src} base-src=${a.baseSrc} model-name="story-transfer"></nn-transfer>`,
};
/** At phone width. */
export const Phone: Story = {
  render: (a) => html`<div style="width: 340px"><nn-transfer src=${a.src} base-src=${a.baseSrc}></nn-transfer></div>`,
};
