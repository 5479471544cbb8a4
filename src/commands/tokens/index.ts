import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerTokensCreate } from './create.js';
import { registerTokensList } from './list.js';
import { registerTokensRevoke } from './revoke.js';

export function registerTokens(program: Command, deps: Deps): void {
  const tokens = program.command('tokens').description('API tokens for people, bots and Alertmanager');
  registerTokensCreate(tokens, deps);
  registerTokensList(tokens, deps);
  registerTokensRevoke(tokens, deps);
}
