// The `forecast` verb, as program.ts registers it.
export { forecast } from './forecast.js';
