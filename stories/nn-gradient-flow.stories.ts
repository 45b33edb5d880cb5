import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnGradientFlow } from '../components/nn-gradient-flow/nn-gradient-flow.js';
import { LabSession, labPreset } from '../src/labs/index.js';

interface Args {
  depth: number;
  units: number;
  initializer: string;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-gradient-flow',
  component: 'nn-gradient-flow',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnGradientFlow },
  args: { depth: 10, units: 16, initializer: 'glorot_uniform' },
  argTypes: { initializer: { control: 'select', options: ['glorot_uniform', 'he_normal', 'random_uniform'] }, depth: { control: { type: 'range', min: 2, max: 30 } } },
  render: (a) => html`<nn-gradient-flow depth=${a.depth} units=${a.units} initializer=${a.initializer}></nn-gradient-flow>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Gradient size at each layer of a 10-layer network at initialisation: sigmoid's vanishes, ReLU's does not. */
export const ByDepth: Story = {};
/** The same with He initialisation. */
export const HeNormal: Story = { args: { initializer: 'he_normal' } };
/** A deeper stack. */
export const Deep: Story = { args: { depth: 30 } };
/** Per layer over training: the not-so-good model of problem 1, 60 epochs (trained when the story opens). */
export const DuringTraining: Story = {
  render: () => {
    const run = new LabSession(labPreset('vanishing-bad')).trainSync({ epochs: 60 });
    return html`<nn-gradient-flow view="training" .norms=${run.gradientNorms}></nn-gradient-flow>`;
  },
};
