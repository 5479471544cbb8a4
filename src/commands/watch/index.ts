export { registerWatch } from './watch.js';
