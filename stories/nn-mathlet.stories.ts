import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { SEMICIRCLE_BEST } from '../src/data/index.js';
import '../components/nn-mathlet/nn-mathlet.js';

const BEST = JSON.stringify(SEMICIRCLE_BEST);

interface Args {
  preset: string;
  hiddenUnits: number;
  activation: string;
  point: string;
  params: string;
  controls: string;
  readonly: boolean;
  deadRegions: boolean;
  selected: string;
  seed: number;
  paths: string;
}

const meta: Meta<Args> = {
  title: 'Mathlets/nn-mathlet',
  component: 'nn-mathlet',
  args: {
    preset: 'semicircle',
    hiddenUnits: 3,
    activation: 'relu',
    point: '0.2,0.3',
    params: '',
    controls: 'all',
    readonly: false,
    deadRegions: false,
    selected: '',
    seed: 0,
    paths: '',
  },
  argTypes: {
    activation: { control: 'select', options: ['relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh', 'softplus', 'linear'] },
    hiddenUnits: { name: 'hidden-units', control: { type: 'number', min: 1, max: 8 } },
    paths: { control: 'select', options: ['', '0,1', '0,0', '1,1', '1,0'] },
    params: { control: 'text', description: 'JSON {W1, b1, W2, b2}, empty for the default (weights 0.2, biases 0)' },
  },
  render: (a) => html`<nn-mathlet
    preset=${a.preset}
    hidden-units=${a.hiddenUnits}
    activation=${a.activation}
    point=${a.point}
    params=${a.params || nothing}
    controls=${a.controls}
    ?readonly=${a.readonly}
    ?dead-regions=${a.deadRegions}
    selected=${a.selected || nothing}
    seed=${a.seed}
    paths=${a.paths || nothing}
  ></nn-mathlet>`,
};
export default meta;

type Story = StoryObj<Args>;

/** As a course page writes it: weights 0.2, biases 0, the point at (0.2, 0.3). */
export const Default: Story = {};

/** "Show best": the published parameters; at (0.2, 0.3) hidden units 2 and 3 are dead and p(gold) ≈ 0.838. */
export const BestParameters: Story = { args: { params: BEST } };

/** (a): a weight picked, its derivatives shown; press "Wiggle ±δ". */
export const WiggleAWeight: Story = { args: { params: BEST, selected: 'W2.1.0' } };

/** (b): each hidden unit's dead region drawn on the square. */
export const DeadRegions: Story = { args: { params: BEST, deadRegions: true } };

/** (c): at (0.85, 0.15), the paths from x to the gold output (press "Show paths"). */
export const ChainRuleView: Story = {
  args: { params: BEST, point: '0.85,0.15', controls: 'boundary network readout paths', paths: '0,1' },
};

/** A phone screen, 360 px wide: the parts stack. */
export const PhoneWidth: Story = {
  args: { params: BEST },
  render: (a, ctx) => html`<div style="width:360px;border:1px dashed #ccc">${meta.render!(a, ctx)}</div>`,
};

/** Read-only: for a page that explains one state. */
export const Readonly: Story = { args: { params: BEST, readonly: true, controls: 'boundary network readout' } };

/** A bad attribute: the message, and the last good state. */
export const BadAttribute: Story = { args: { point: '1.5,2' } };
