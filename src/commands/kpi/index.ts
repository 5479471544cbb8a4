import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerKpiRemote } from './remote.js';

export function registerKpi(program: Command, deps: Deps): void {
  const kpi = program.command('kpi').description('key performance indicators');
  registerKpiRemote(kpi, deps);
}
