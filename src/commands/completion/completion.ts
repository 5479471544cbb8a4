// `completion bash|zsh|fish`: print the script for the shell.
import { Argument, type Command } from 'commander';
import { action } from '../context.js';
import type { Deps } from '../deps.js';
import { SHELLS, completionScript, type Shell } from './scripts.js';

export function registerCompletion(program: Command, deps: Deps): void {
  program
    .command('completion')
    .description('print the shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action(
      action(deps, async (ctx, shell: Shell) => {
        // The root of the tree, so the script covers every command.
        ctx.deps.io.stdout.write(completionScript(rootOf(program), shell));
      }),
    );
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}
