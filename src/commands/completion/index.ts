export { registerCompletion } from './completion.js';
export { registerCompleteValues } from './values.js';
