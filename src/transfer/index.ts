// Transfer learning's plain parts (problems 5 and 6): class counts and the majority baseline, scores, the
// 10-to-4-class mapping of the original model's predictions, the comparison and its sentence, which layers are
// reused, trained and cached, and runs that fit a time budget. No TensorFlow.js here.
export { classCounts, relabelCounts, majorityBaseline, type MajorityBaseline } from './counts.js';
export { classificationScores, balancedAccuracy, mapPredictions, type ClassificationScores } from './scores.js';
export { compareModels, comparisonSentence, type ModelComparison, type PredictedBy, type CompareOptions } from './compare.js';
export { defaultReuseCut, convLayers, topConvLayers, cachePlan, type LayerLike, type CachePlan } from './layers.js';
export { offerStage, type StageOffer, type StageRates, type OfferOptions } from './budget.js';
export { TRANSFER_RELABEL, stageSpec, headSpec, type StagePlan } from './recipe.js';
