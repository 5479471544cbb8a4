import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerSitesList } from './list.js';

export function registerSites(program: Command, deps: Deps): void {
  const sites = program.command('sites').description('the sites: air, land and sea ports, passport service centres');
  registerSitesList(sites, deps);
}
