// The `status` verb, as program.ts registers it.
export { status } from './status.js';
