import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerAck } from './ack.js';
import { registerAssign } from './assign.js';
import { registerEscalate } from './escalate.js';
import { registerIncidentsList } from './list.js';
import { registerNote } from './note.js';
import { registerResolve } from './resolve.js';
import { registerIncidentsShow } from './show.js';

export function registerIncidents(program: Command, deps: Deps): void {
  const incidents = program.command('incidents').description('incidents: list, show, ack, assign, note, escalate, resolve');
  registerIncidentsList(incidents, deps);
  registerIncidentsShow(incidents, deps);
  registerAck(incidents, deps);
  registerAssign(incidents, deps);
  registerNote(incidents, deps);
  registerEscalate(incidents, deps);
  registerResolve(incidents, deps);
}
