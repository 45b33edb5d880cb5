import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/nn-math/nn-math.js';

interface Args {
  tex: string;
  display: boolean;
}

const meta: Meta<Args> = {
  title: 'Parts/nn-math',
  component: 'nn-math',
  args: { tex: '\\frac{\\partial o_1}{\\partial x} = \\sum_{j} w_{h_j o_1}\\,\\mathrm{relu}\'(z_{h_j})\\,w_{x h_j}', display: true },
  render: (a) => html`<p>The chain rule: <nn-math tex=${a.tex} ?display=${a.display}></nn-math></p>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Display: Story = {};
export const Inline: Story = { args: { display: false, tex: 'p = \\operatorname{softmax}(10\\,o)' } };
/** A formula KaTeX cannot read is shown in place with its message. */
export const ParseError: Story = { args: { tex: '\\frac{1}{' } };
