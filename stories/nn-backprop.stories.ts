import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnBackprop } from '../components/nn-backprop/nn-backprop.js';

interface Args {
  step: number;
  activation: string;
  units: number;
  noCache: boolean;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-backprop',
  component: 'nn-backprop',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnBackprop },
  args: { step: 0, activation: 'sigmoid', units: 2, noCache: false },
  argTypes: { step: { control: { type: 'range', min: 0, max: 12 } }, activation: { control: 'select', options: ['sigmoid', 'tanh', 'relu', 'leaky_relu'] }, units: { control: { type: 'range', min: 1, max: 4 } } },
  render: (a) => html`<nn-backprop step=${a.step} activation=${a.activation} units=${a.units} ?no-cache=${a.noCache}></nn-backprop>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Before the forward pass. */
export const Start: Story = {};
/** The forward pass done: x, z and a of both layers are in the cache, and the loss computed. */
export const ForwardDone: Story = { args: { step: 5 } };
/** A backward step reading the cache: ∂L/∂W² needs a¹ from the forward pass. */
export const ReadingTheCache: Story = { args: { step: 7 } };
/** The end, with the cache discarded: what the backward pass would have to recompute. */
export const WithoutCache: Story = { args: { step: 12, noCache: true } };
/** ReLU hidden units (their derivative reads z). */
export const Relu: Story = { args: { step: 9, activation: 'relu', units: 3 } };
