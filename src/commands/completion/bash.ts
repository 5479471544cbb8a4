// Generates the bash completion script from the command tree.
import { commandPaths, inheritedOptions, valueFlags } from './shell-words.js';
import { allCommands, type CommandSpec, type OptionSpec, type ValueSpec } from './tree.js';

export function bashCompletion(program: CommandSpec, binNames: string[]): string {
  const commands = allCommands(program);
  const fn = `_${program.name}`;

  // Globals last, so a command's own option patterns are tried first.
  const valueCases = [...commands.slice(1), program].flatMap((c) =>
    c.options
      .filter((o) => o.takesValue)
      .map((o) => `    ${o.flags.map((f) => `${c === program ? '*' : quote(c.path)}:${f}`).join('|')}) ${reply(o, fn)} ;;`),
  );
  const optionCases = commands.map((c) => {
    const flags = [...c.options, ...(c === program ? [] : inheritedOptions(program))].flatMap((o) => o.flags);
    return `    ${quote(c.path)}) COMPREPLY=($(compgen -W "${flags.join(' ')}" -- "$cur")) ;;`;
  });
  const positionalCases = commands.flatMap((c) => {
    if (c.subcommands.length) {
      return [`    ${quote(c.path)}:0) COMPREPLY=($(compgen -W "${c.subcommands.map((s) => s.name).join(' ')}" -- "$cur")) ;;`];
    }
    return c.arguments.flatMap((a, i) => (hasValues(a) ? [`    ${quote(c.path)}:${i}) ${reply(a, fn)} ;;`] : []));
  });

  return `# bash completion for ${binNames.join(' and ')}
# Generated from the command tree by \`${program.name} completion bash\`; do not edit.
${fn}_dynamic() {
  "\${COMP_WORDS[0]}" __complete "$1" 2>/dev/null
}

${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmdpath="" npos=0 word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${valueFlags(program).join('|')}) i=$((i + 1)); continue ;;
      -*) continue ;;
    esac
    case "$cmdpath/$word" in
      ${commandPaths(program).join('|')}) cmdpath="$cmdpath/$word"; npos=0 ;;
      *) npos=$((npos + 1)) ;;
    esac
  done

  case "$cmdpath:$prev" in
${valueCases.join('\n')}
  esac

  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
${optionCases.join('\n')}
    esac
    return
  fi

  case "$cmdpath:$npos" in
${positionalCases.join('\n')}
  esac
}

complete -F ${fn} ${binNames.join(' ')}
`;
}

function hasValues(v: ValueSpec): boolean {
  return v.choices.length > 0 || v.source !== undefined;
}

function reply(v: ValueSpec | OptionSpec, fn: string): string {
  if (v.source) return `COMPREPLY=($(compgen -W "$(${fn}_dynamic ${v.source})" -- "$cur")); return`;
  if (v.choices.length) return `COMPREPLY=($(compgen -W "${v.choices.join(' ')}" -- "$cur")); return`;
  return 'COMPREPLY=(); return';
}

function quote(path: string): string {
  return `"${path}"`;
}
