// The `watch` verb, as program.ts registers it.
export { watch } from './watch.js';
