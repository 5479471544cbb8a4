// `completion bash|zsh|fish`: the script for the shell, from the command tree.
import { Argument, type Command } from 'commander';
import { defineVerb } from '../verb.js';
import { SHELLS, completionScript, type Shell } from './scripts.js';
import { commandSpec, type CommandSpec } from './tree.js';

export interface CompletionInput {
  shell: Shell;
  /** The whole tree, read from the program, so the script covers every command. */
  tree: CommandSpec;
}

export const completion = defineVerb({
  name: 'completion',
  description: 'print the shell completion script (bash, zsh or fish)',
  // Shell completion scripts: nothing a chat user can run.
  metadata: {
    examples: ['completion bash > /etc/bash_completion.d/watchfloor', 'completion zsh > "${fpath[1]}/_watchfloor"', 'completion fish > ~/.config/fish/completions/watchfloor.fish'],
    refusedInChat: { en: 'it prints shell completion scripts', ar: 'يطبع نصوص الإكمال للطرفية' },
  },
  configure: (command) => void command.addArgument(new Argument('<shell>', 'the shell').choices(SHELLS)),
  input: ([shell]: [Shell], _options: unknown, command: Command): CompletionInput => ({ shell, tree: commandSpec(rootOf(command)) }),
  run: async (input) => completionScript(input.tree, input.shell),
  // A script, with or without --json.
  present: { text: (script) => script, ownText: true },
});

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}
