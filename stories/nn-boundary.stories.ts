import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SEMICIRCLE_BEST, semicircleTask, makeMoons } from '../src/data/index.js';
import { dense, sequential } from '../src/nn/index.js';
import '../components/nn-boundary/nn-boundary.js';

function bestNet() {
  const m = sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2] });
  const t = (rows: readonly (readonly number[])[]) => rows[0].map((_, i) => rows.map((r) => r[i]));
  m.setWeights([t(SEMICIRCLE_BEST.W1), SEMICIRCLE_BEST.b1, t(SEMICIRCLE_BEST.W2), SEMICIRCLE_BEST.b2]);
  return m;
}

/** A small untrained sigmoid net on the moons data: the boundary takes any 2-D classifier from the engine. */
function moonsNet() {
  const m = sequential([dense(8, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2], seed: 3 });
  return m;
}

interface Args {
  point: string;
  resolution: number;
  outline: string;
  readonly: boolean;
  domain: string;
}

const meta: Meta<Args> = {
  title: 'Parts/nn-boundary',
  component: 'nn-boundary',
  args: { point: '0.2,0.3', resolution: 64, outline: 'semicircle', readonly: false, domain: '0,1,0,1' },
  argTypes: { outline: { control: 'select', options: ['semicircle', 'none'] }, resolution: { control: { type: 'range', min: 8, max: 256 } } },
  render: (a) => html`<nn-boundary
    point=${a.point}
    resolution=${a.resolution}
    outline=${a.outline}
    domain=${a.domain}
    ?readonly=${a.readonly}
    .model=${bestNet()}
    .points=${semicircleTask({ nSamples: 120, randomState: 0 })}
  ></nn-boundary>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The chain-rule net's best parameters, with 120 points of the task. */
export const Semicircle: Story = {};
/** Each hidden unit's dead half-plane. */
export const DeadRegions: Story = {
  render: (a) => html`<nn-boundary point=${a.point} outline="semicircle" .model=${bestNet()}
    .halfPlanes=${SEMICIRCLE_BEST.W1.map((w, j) => ({ w: [w[0], w[1]] as const, b: SEMICIRCLE_BEST.b1[j], label: `h${j + 1}` }))}></nn-boundary>`,
};
/** Another classifier and data set (moons, a sigmoid output), in its own view. */
export const AnyClassifier: Story = {
  render: () => html`<nn-boundary domain="-1.5,2.5,-1,1.5" point="0.5,0.25" .model=${moonsNet()}
    .points=${makeMoons({ nSamples: 100, noise: 0.1, randomState: 0 })}></nn-boundary>`,
};
/** Low resolution, scaled up. */
export const LowResolution: Story = { args: { resolution: 12 } };
