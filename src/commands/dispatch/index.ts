import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerDispatchClose } from './close.js';
import { registerDispatchList } from './list.js';
import { registerDispatchShow } from './show.js';

export function registerDispatch(program: Command, deps: Deps): void {
  const dispatch = program.command('dispatch').description('work orders for technicians: list, show, close');
  registerDispatchList(dispatch, deps);
  registerDispatchShow(dispatch, deps);
  registerDispatchClose(dispatch, deps);
}
