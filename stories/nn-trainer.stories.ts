import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnTrainer } from '../components/nn-trainer/nn-trainer.js';
import { LAB_PRESET_NAMES, labPreset } from '../src/labs/index.js';
import { RunStore } from '../src/runs/index.js';

interface Args {
  preset: string;
  compare: string;
  epochs: number;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-trainer',
  component: 'nn-trainer',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnTrainer },
  args: { preset: 'vanishing-fixed', compare: '', epochs: 0 },
  argTypes: { preset: { control: 'select', options: LAB_PRESET_NAMES }, compare: { control: 'select', options: ['', ...LAB_PRESET_NAMES] } },
  // Each story has its own run store, so runs from one story do not show up in another.
  render: (a) => html`<nn-trainer preset=${a.preset} compare=${a.compare} epochs=${a.epochs} .runStore=${new RunStore()}></nn-trainer>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Problem 1's not-so-good model: tanh, RandomUniform(−1, 1), SGD. */
export const VanishingBad: Story = { args: { preset: 'vanishing-bad' } };
/** Problem 1 fixed: ReLU, HeNormal, Adam. */
export const VanishingFixed: Story = {};
/** Problems 6–8's baseline, which overfits. */
export const Overfit: Story = { args: { preset: 'overfit' } };
/** Problem 6: early stopping (patience 20, restore best weights). */
export const EarlyStopping: Story = { args: { preset: 'early-stopping' } };
/** Problem 7: L1(0.001). */
export const L1: Story = { args: { preset: 'l1' } };
/** Problem 8: L2(0.01). */
export const L2: Story = { args: { preset: 'l2' } };
/** Problem 1's two models side by side, on the same data and seed. */
export const CompareVanishing: Story = { args: { preset: 'vanishing-bad', compare: 'vanishing-fixed' } };
/** Problem 6's baseline next to early stopping. */
export const CompareRegularization: Story = { args: { preset: 'overfit', compare: 'early-stopping' } };
/** Trained when the story opens (300 epochs, about a second): curves, boundary, gradient sizes, the notebook's line and Keras code. */
export const Trained: Story = {
  render: () => {
    const el = document.createElement('nn-trainer') as NnTrainer;
    el.runStore = new RunStore();
    el.setAttribute('preset', 'vanishing-fixed');
    requestAnimationFrame(() => void el.train());
    return el;
  },
};
/** A diverging run: SGD at rate 10 on the 7-layer baseline stops at the epoch whose loss became NaN. */
export const Diverging: Story = {
  render: () => {
    const el = document.createElement('nn-trainer') as NnTrainer;
    el.runStore = new RunStore();
    const setup = labPreset('overfit');
    setup.train.optimizer = { name: 'sgd', learningRate: 10 };
    el.setup = setup;
    requestAnimationFrame(() => void el.train());
    return el;
  },
};
/** An impossible setup, refused field by field (Train stays disabled). */
export const RefusedSetup: Story = {
  render: () => {
    const el = document.createElement('nn-trainer') as NnTrainer;
    el.runStore = new RunStore();
    el.setAttribute('preset', 'l1');
    return el;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nn-trainer') as NnTrainer;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#p0-l1')!;
    input.value = 'abc';
    input.dispatchEvent(new Event('input'));
  },
};
/** At phone width. */
export const Phone: Story = {
  render: (a) => html`<div style="width: 360px"><nn-trainer preset=${a.preset} .runStore=${new RunStore()}></nn-trainer></div>`,
};
