import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { SEMICIRCLE_BEST } from '../src/data/index.js';
import '../components/nn-network/nn-network.js';

interface Args {
  params: string;
  point: string;
  activation: string;
  readonly: boolean;
  selected: string;
  paths: string;
}

const meta: Meta<Args> = {
  title: 'Parts/nn-network',
  component: 'nn-network',
  args: { params: JSON.stringify(SEMICIRCLE_BEST), point: '0.2,0.3', activation: 'relu', readonly: false, selected: '', paths: '' },
  argTypes: {
    activation: { control: 'select', options: ['relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh', 'softplus', 'linear'] },
    paths: { control: 'select', options: ['', '0,1', '0,0', '1,1', '1,0'] },
  },
  render: (a) => html`<nn-network
    params=${a.params}
    point=${a.point}
    activation=${a.activation}
    ?readonly=${a.readonly}
    selected=${a.selected || nothing}
    paths=${a.paths || nothing}
  ></nn-network>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The best parameters at (0.2, 0.3): hidden units 2 and 3 dead, greyed, their edges dashed. */
export const Best: Story = {};
/** Weights 0.2, biases 0. */
export const Reset: Story = { args: { params: JSON.stringify({ W1: [[0.2, 0.2], [0.2, 0.2], [0.2, 0.2]], b1: [0, 0, 0], W2: [[0.2, 0.2, 0.2], [0.2, 0.2, 0.2]], b2: [0, 0] }) } };
/** Every path from x to the gold output highlighted, at (0.85, 0.15). */
export const Paths: Story = { args: { point: '0.85,0.15', paths: '0,1' } };
/** At 320 px. */
export const Narrow: Story = { render: (a, ctx) => html`<div style="width:320px">${meta.render!(a, ctx)}</div>` };
