import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SEMICIRCLE_BEST } from '../src/data/index.js';
import '../components/nn-nudge/nn-nudge.js';
import '../components/nn-mathlet/nn-mathlet.js';

interface Args {
  params: string;
  point: string;
  variable: string;
  delta: number;
}

const meta: Meta<Args> = {
  title: 'Parts/nn-nudge',
  component: 'nn-nudge',
  args: { params: JSON.stringify(SEMICIRCLE_BEST), point: '0.85,0.15', variable: 'x', delta: 0.05 },
  render: (a) => html`<nn-nudge params=${a.params} point=${a.point} variable=${a.variable} delta=${a.delta}></nn-nudge>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Nudge x at (0.85, 0.15): first-order and actual change at every node. */
export const NudgeInput: Story = {};
/** Nudge a weight into a dead unit at (0.2, 0.3): the change stops there. */
export const DeadUnitStopsTheChange: Story = { args: { point: '0.2,0.3', variable: 'W1.1.0', delta: 0.1 } };
/** Inside a mathlet (its light DOM), it follows the shared model. */
export const InsideAMathlet: Story = {
  render: () => html`<nn-mathlet controls="boundary network readout" params=${JSON.stringify(SEMICIRCLE_BEST)}><nn-nudge></nn-nudge></nn-mathlet>`,
};
