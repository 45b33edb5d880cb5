// Page-wide settings (package export `nn-mathlets/config`): importing it registers no element.
export { configure, type NnSettings } from './internal/settings.js';
export { TRUSTED_TYPES_POLICY } from '../src/worker/start-worker.js';
