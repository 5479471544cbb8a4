import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerSimFaults } from './faults.js';
import { registerSimInject } from './inject.js';
import { registerSimKinds } from './kinds.js';

export function registerSim(program: Command, deps: Deps): void {
  const sim = program.command('sim').description("the demo's device emulator: inject faults, see the ground truth");
  registerSimInject(sim, deps);
  registerSimFaults(sim, deps);
  registerSimKinds(sim, deps);
}
