import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerDiagFleet } from './fleet.js';
import { registerDiagRun } from './run.js';

export function registerDiag(program: Command, deps: Deps): void {
  const diag = program.command('diag').description('remote diagnostics: probe, fix what is safe, verify, or dispatch');
  registerDiagRun(diag, deps);
  registerDiagFleet(diag, deps);
}
