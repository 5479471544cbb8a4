// The `bot` verb, as program.ts registers it.
export { bot } from './bot.js';
