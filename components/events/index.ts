export { NnErrorEvent, type NnErrorDetail } from './nn-error.js';
export { NnPointMoveEvent } from './nn-point-move.js';
export { NnParamChangeEvent } from './nn-param-change.js';
export { NnParamSelectEvent } from './nn-param-select.js';
export { NnEpochEndEvent } from './nn-epoch-end.js';
export { NnTrainEndEvent } from './nn-train-end.js';
export { NnScheduleChangeEvent } from './nn-schedule-change.js';
export { NnSweepEndEvent } from './nn-sweep-end.js';
export { NnProgressEvent, type ProgressPhase, type ProgressDetail } from './nn-progress.js';
