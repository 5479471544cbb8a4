export { registerBot } from './bot.js';
