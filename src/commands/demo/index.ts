export { registerDemo } from './demo.js';
