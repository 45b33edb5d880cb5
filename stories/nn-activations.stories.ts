import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnActivations } from '../components/nn-activations/nn-activations.js';

interface Args {
  show: string;
  x: number;
  range: number;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-activations',
  component: 'nn-activations',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnActivations },
  args: { show: 'sigmoid,tanh,relu,leaky_relu,elu', x: 1, range: 4 },
  argTypes: { x: { control: { type: 'range', min: -4, max: 4, step: 0.05 } }, range: { control: { type: 'range', min: 1, max: 10 } } },
  render: (a) => html`<nn-activations show=${a.show} x=${a.x} range=${a.range}></nn-activations>`,
};
export default meta;
type Story = StoryObj<Args>;

/** All five with their derivatives and formulas. */
export const AllFive: Story = {};
/** Problem 12's comparison: sigmoid, ReLU and leaky ReLU, read at a negative input. */
export const SigmoidReluLeaky: Story = { args: { show: 'sigmoid,relu,leaky_relu', x: -2 } };
/** At phone width. */
export const Phone: Story = { render: (a) => html`<div style="width: 340px"><nn-activations show=${a.show}></nn-activations></div>` };
