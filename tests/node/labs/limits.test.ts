/** A lab's own limits: what <nn-trainer> makes and trains on the page's main thread, and draws point by point. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAB_LIMITS, labPreset, labSetupProblems, setupFromFields, fieldsFromSetup } from '../../../src/core.js';

const messages = (setup: unknown) => labSetupProblems(setup).map((p) => p.message);

test('every preset is within the lab limits', () => {
  for (const name of ['vanishing-bad', 'vanishing-fixed', 'overfit', 'early-stopping', 'l1', 'l2'] as const) {
    assert.deepEqual(messages(labPreset(name)), [], name);
  }
});

test('points, units, weights, layers, epochs and batch size past the lab limits are named with the limit', () => {
  const s = structuredClone(labPreset('overfit'));
  s.data.nSamples = 50_000;
  s.train.epochs = 50_000;
  s.train.batchSize = 50_000;
  s.model.layers = [{ type: 'dense', units: 300, activation: 'relu' }, { type: 'dense', units: 200, activation: 'relu' }, s.model.layers.at(-1)!];
  const got = messages(s).join('\n');
  assert.match(got, /data\.nSamples is 50,000; a lab takes at most 1,000 points/);
  assert.match(got, /model\.layers\[0\]\.units is 300; a lab takes at most 256 units per layer/);
  assert.match(got, /the model has 61,301 weights; a lab takes at most 20,000/);
  assert.match(got, /train\.epochs is 50,000; a lab takes at most 2,000 epochs/);
  assert.match(got, /train\.batchSize is 50,000; a lab takes at most 10,000 examples per step/);
  const deep = structuredClone(labPreset('overfit'));
  deep.model.layers = [...Array.from({ length: LAB_LIMITS.maxLayers }, () => ({ type: 'dense' as const, units: 2 })), deep.model.layers.at(-1)!];
  assert.match(messages(deep).join('\n'), /model\.layers is 11; a lab takes at most 10 layers/);
});

test('the editor refuses a model over the weight limit by name', () => {
  const base = labPreset('overfit');
  const fields = fieldsFromSetup(base);
  fields.layers = [{ units: '256', activation: 'relu' }, { units: '256', activation: 'relu' }];
  const { setup, problems } = setupFromFields(fields, base);
  assert.equal(setup, undefined);
  assert.match(problems.map((p) => p.message).join('\n'), /the model has 66,817 weights; a lab takes at most 20,000/);
});
