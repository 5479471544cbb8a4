import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerHubStart } from './start.js';

export function registerHub(program: Command, deps: Deps): void {
  const hub = program.command('hub').description('the command-centre service');
  registerHubStart(hub, deps);
}
