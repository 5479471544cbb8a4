// The shell completion verbs: `completion` and the hidden `__complete` value helper.
export { completion } from './completion.js';
export { completeValues } from './values.js';
