// The `demo` verb, as program.ts registers it.
export { demo } from './demo.js';
