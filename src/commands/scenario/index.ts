// The `scenario` verb, as program.ts registers it.
export { scenario } from './scenario.js';
