// The completion script for a shell, from the program's command tree.
import { bashCompletion } from './bash.js';
import { fishCompletion } from './fish.js';
import type { CommandSpec } from './tree.js';
import { zshCompletion } from './zsh.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Every name the executable is installed under (package.json "bin"). */
export const BIN_NAMES = ['watchfloor', 'wf'];

export function completionScript(spec: CommandSpec, shell: Shell): string {
  if (shell === 'bash') return bashCompletion(spec, BIN_NAMES);
  if (shell === 'zsh') return zshCompletion(spec, BIN_NAMES);
  return fishCompletion(spec, BIN_NAMES);
}
