// A real interactive bash or zsh in tmux with watchfloor's generated
// completion loaded, `watchfloor` on its PATH as the built CLI: a test types a
// line, presses Tab, and reads what the shell made of it on the screen. This
// is the path a person's Tab takes (readline or zle, the shell's own word
// splitting, compinit), not a re-implementation of it.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH } from './cli.js';
import { systemProgramPath } from './system-programs.js';
import { startTmux, type TmuxSession } from './tmux.js';

export type CompletionShell = 'bash' | 'zsh';

export interface ShellOptions {
  shell: CompletionShell;
  /** The generated script (completions/watchfloor.bash or completions/_watchfloor). */
  script: string;
  /** The shell's working directory: file names complete from here. */
  cwd: string;
  env: Record<string, string>;
  dir: string;
}

export interface CompletionDriver {
  /** Types `line`, presses Tab `tabs` times, waits until the screen satisfies `expected`, returns the screen. */
  complete(line: string, expected: (screen: string) => boolean, what: string, tabs?: number): Promise<string>;
  /** The prompt line being edited (the last `$ ` line on screen). */
  editLine(screen: string): string;
  close(): Promise<void>;
}

const PROMPT = 'wf$ ';

export async function startCompletionShell(options: ShellOptions): Promise<CompletionDriver> {
  const bin = join(options.dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const wrapper = join(bin, 'watchfloor');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${CLI_PATH}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  // bash reads its setup through --rcfile; zsh through ZDOTDIR/.zshrc (compinit before the script, as a user's rc has it).
  const rc = join(options.dir, options.shell === 'bash' ? 'bashrc' : '.zshrc');
  writeFileSync(
    rc,
    options.shell === 'bash'
      ? `PS1='${PROMPT}'\nbind 'set bell-style none'\nsource '${options.script}'\n`
      : `PS1='${PROMPT}'\nunsetopt beep\nautoload -U compinit && compinit -u -D\nsource '${options.script}'\n`,
  );
  const shell = options.shell === 'bash' ? `/bin/bash --noprofile --rcfile '${rc}' -i` : `'${systemProgramPath('zsh')}' -i`;
  const session: TmuxSession = await startTmux({
    width: 200,
    height: 40,
    command: ['/bin/sh', '-c', `cd '${options.cwd}' && exec ${shell}`],
    env: { ...options.env, PATH: `${bin}:${options.env.PATH ?? ''}`, TERM: 'xterm-256color', LANG: 'C.UTF-8', ZDOTDIR: options.dir, HISTFILE: '/dev/null' },
    dir: options.dir,
  });
  const ready = (s: string) => s.trimEnd().endsWith(PROMPT.trimEnd());
  await session.waitFor(ready, 'the prompt', 15_000);

  const editLine = (screen: string) => {
    const lines = screen.split('\n').filter((l) => l.startsWith(PROMPT.trimEnd()));
    return (lines.at(-1) ?? '').slice(PROMPT.length);
  };

  return {
    editLine,
    async complete(line, expected, what, tabs = 1) {
      // A clean line on a clean screen: kill the line, clear, wait for the bare prompt.
      await session.keys('C-u', 'C-l');
      await session.waitFor((s) => s.trim() === PROMPT.trim(), 'a clear screen');
      await session.type(line);
      await session.waitFor((s) => editLine(s) === line, `the line typed: ${line}`);
      for (let i = 0; i < tabs; i++) await session.keys('Tab');
      return session.waitFor(expected, what, 10_000);
    },
    close: () => session.kill(),
  };
}
