/** The data sets a lab's editor offers, as DataSpecs: the homework's two circle sets, moons, blobs, the semicircle. */
import type { DataSpec } from '../spec/index.js';
import { REGULARIZATION_DATA, VANISHING_DATA } from './presets.js';

export type DataChoice = 'circles-1' | 'circles-6' | 'moons' | 'blobs' | 'semicircle';

/** Each choice: its label in a picker and its spec (seeded, so every student gets the same points). */
export const DATA_CHOICES: Readonly<Record<DataChoice, { label: string; spec: DataSpec }>> = {
  'circles-1': { label: 'Circles (problem 1: 1,000 points, noise 0.08)', spec: VANISHING_DATA },
  'circles-6': { label: 'Noisy circles (problems 6–8: 200/200/200)', spec: REGULARIZATION_DATA },
  moons: {
    label: 'Moons (400 points, noise 0.2)',
    spec: { name: 'moons', nSamples: 400, noise: 0.2, randomState: 0, split: { kind: 'trainTestSplit', trainSize: 0.8, randomState: 42, scale: [-1, 1] } },
  },
  blobs: {
    label: 'Blobs (2 clusters, 400 points)',
    spec: { name: 'blobs', nSamples: 400, centers: 2, clusterStd: 2.5, randomState: 3, split: { kind: 'trainTestSplit', trainSize: 0.8, randomState: 42, scale: [-1, 1] } },
  },
  semicircle: {
    label: 'Semicircle (problem 13’s task, 400 points)',
    spec: { name: 'semicircle', nSamples: 400, randomState: 0, split: { kind: 'trainTestSplit', trainSize: 0.8, randomState: 42 } },
  },
};

/** The choice whose spec equals `spec`, or undefined for any other data. */
export function dataChoiceOf(spec: DataSpec): DataChoice | undefined {
  const key = JSON.stringify(spec);
  return (Object.keys(DATA_CHOICES) as DataChoice[]).find((k) => JSON.stringify(DATA_CHOICES[k].spec) === key);
}
