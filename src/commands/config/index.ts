import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerConfigGet } from './get.js';
import { registerConfigList } from './list.js';
import { registerConfigSet } from './set.js';
import { registerConfigUse } from './use.js';

export function registerConfig(program: Command, deps: Deps): void {
  const config = program.command('config').description('profiles: which hub, which token');
  registerConfigGet(config, deps);
  registerConfigSet(config, deps);
  registerConfigList(config, deps);
  registerConfigUse(config, deps);
}
