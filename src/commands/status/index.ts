export { registerStatus } from './status.js';
