import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NnSchedule } from '../components/nn-schedule/nn-schedule.js';

interface Args {
  schedule: string;
  params: string;
  steps: number;
  stepsPerEpoch: number;
  logScale: boolean;
}

const meta: Meta<Args> = {
  title: 'Labs/nn-schedule',
  component: 'nn-schedule',
  // The class is referenced so a tree-shaking build keeps the module that registers the tag.
  parameters: { elementClass: NnSchedule },
  args: { schedule: 'ExponentialDecay', params: '{}', steps: 0, stepsPerEpoch: 0, logScale: false },
  argTypes: {
    schedule: {
      control: 'select',
      options: ['ExponentialDecay', 'PiecewiseConstantDecay', 'InverseTimeDecay', 'PolynomialDecay', 'CosineDecay', 'CosineDecayRestarts', 'OneCycle'],
    },
  },
  render: (a) =>
    html`<nn-schedule schedule=${a.schedule} params=${a.params} steps=${a.steps} steps-per-epoch=${a.stepsPerEpoch} ?log-scale=${a.logScale}></nn-schedule>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Keras's ExponentialDecay with its defaults. */
export const Exponential: Story = {};
/** Problem 4's schedule: from the chosen rate 1e-3, × 0.1 over 20 epochs of 782 steps, shown in epochs. */
export const ProblemFour: Story = {
  args: { params: '{"initialLearningRate":0.001,"decaySteps":15640,"decayRate":0.1}', steps: 15640, stepsPerEpoch: 782, logScale: true },
};
/** Cosine decay with warm restarts. */
export const CosineRestarts: Story = { args: { schedule: 'CosineDecayRestarts' } };
/** 1cycle, which Keras lacks: its class comes with the code. */
export const OneCycle: Story = { args: { schedule: 'OneCycle' } };
/** At phone width. */
export const Phone: Story = { render: (a) => html`<div style="width: 340px"><nn-schedule schedule=${a.schedule}></nn-schedule></div>` };
