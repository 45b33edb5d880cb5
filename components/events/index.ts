export { NnErrorEvent, type NnErrorDetail } from './nn-error.js';
export { NnPointMoveEvent } from './nn-point-move.js';
export { NnParamChangeEvent } from './nn-param-change.js';
export { NnParamSelectEvent } from './nn-param-select.js';
export { NnProgressEvent, type ProgressPhase, type ProgressDetail } from './nn-progress.js';
