export type { LabSetup, LabPreset, LabPresetName, LabSplit, LabData, LabRun, LabRunStatus } from './types.js';
export { labPreset, isLabPresetName, LAB_PRESET_NAMES, VANISHING_DATA, REGULARIZATION_DATA } from './presets.js';
export { prepareLabData, makeLabPoints, DEFAULT_SPLIT } from './data.js';
export { DATA_CHOICES, dataChoiceOf, type DataChoice } from './data-choices.js';
export {
  fieldsFromSetup,
  setupFromFields,
  EDITOR_ACTIVATIONS,
  EDITOR_INITIALIZERS,
  EDITOR_OPTIMIZERS,
  DEFAULT_LEARNING_RATE,
  type LabFields,
  type LayerFields,
  type FieldProblem,
  type EditorInitializer,
  type OptimizerName,
} from './fields.js';
export { LAB_LIMITS, labSetupProblems } from './limits.js';
export { LabSession, type LabTrainOptions, type LabState } from './session.js';
export { splitAccuracies, kernelWeights, weightsByTag, sparsity, weightHistogram, judgeRun, ZERO_THRESHOLD, type RunVerdict } from './summary.js';
export { gradientByDepth, type DepthOptions } from './depth.js';
export { backpropPass, type BackpropPass, type BackpropLayer } from './backprop.js';
