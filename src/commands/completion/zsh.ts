// Generates the zsh completion script from the command tree. (`path` is
// PATH's twin in zsh, hence `cmdpath`.) zsh keeps `--site=JE` one word:
// compset takes the `--site=` off, and the option's values complete the rest.
import { CONNECTION_FLAGS, commandPaths, fieldCommands, inheritedOptions, jsonFieldFlags, publishedFields, valueFlags } from './shell-words.js';
import { allCommands, type CommandSpec, type ValueSpec } from './tree.js';

export function zshCompletion(program: CommandSpec, binNames: string[]): string {
  const commands = allCommands(program);
  const fn = `_${program.name}`;
  const valueCases = [...commands.slice(1), program].flatMap((c) =>
    c.options
      .filter((o) => o.takesValue)
      .map((o) => {
        const body = o.optionalValue ? `if [[ -n "$eq" ]]; then ${values(o, fn)}; fi` : values(o, fn);
        return `    (${o.flags.map((f) => `${c === program ? '*' : `"${c.path}"`}:${f}`).join('|')}) ${o.jsonFields ? `${fn}_json_fields && return; ` : ''}${body} ;;`;
      }),
  );
  const optionCases = commands.map((c) => {
    const options = [...c.options, ...(c === program ? [] : inheritedOptions(program))];
    const specs = options.flatMap((o) => o.flags.map((f) => `'${describe(f, o.description)}'`));
    return `    ("${c.path}") opts=(${specs.join(' ')}) ;;`;
  });
  const positionalCases = commands.flatMap((c) => {
    if (c.subcommands.length) {
      const subs = c.subcommands.flatMap((s) => [s.name, ...s.aliases].map((n) => `'${describe(n, s.description)}'`)).join(' ');
      return [`    ("${c.path}:0") subs=(${subs}); _describe command subs ;;`];
    }
    return c.arguments.flatMap((a, i) => (a.choices.length || a.source || a.files ? [`    ("${c.path}:${i}") ${values(a, fn)} ;;`] : []));
  });
  const pathCases = commandPaths(program).map(([path, typed]) => `      (${typed.join('|')}) cmdpath=${path}; npos=0 ;;`);
  const fieldCases = fieldCommands(program).map((c) => `    ("${c.path}") fields=(${c.jsonFields.join(' ')}) ;;`);
  const jsonFlags = jsonFieldFlags(program);

  return `#compdef ${binNames.join(' ')}
# zsh completion for ${binNames.join(' and ')}
# Generated from the command tree by \`${program.name} completion zsh\`; do not edit.
${fn}_dynamic() {
  "\${words[1]}" "\${connection[@]}" __complete "$1" "$cur" 2>/dev/null
}

# The fields --json selects from for the verb typed, a comma list as gh has it
# (--json id,ti): no space after a field, and none offered twice. Fails where
# the verb publishes none, or where the word may be the verb's own (42).
${fn}_json_fields() {
  local -a fields used vals
  local f
  case "$cmdpath" in
${fieldCases.join('\n')}
    (*) return 1 ;;
  esac
  if [[ "$cur" == *,* ]]; then
    used=(\${(s:,:)\${cur%,*}})
    compset -P '*,'
  fi
  for f in $fields; do (( \${used[(Ie)$f]} )) || vals+=($f); done
  compadd -S '' -a vals && return 0
  [[ -n "$eq" || "$cur" == *,* ]]
}

# Is the word after --json its list of fields, or the command's own word? As the CLI decides (json-flag.ts).
${fn}_is_json_fields() {
  local f
  [[ -n "$1" ]] || return 1
  for f in "\${(@s:,:)1}"; do
    case "$f" in
      (${publishedFields(program).join('|')}) ;;
      (*) return 1 ;;
    esac
  done
}

${fn}() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  local cmdpath="" npos=0 word i eq=""
  local -a vals opts subs connection
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    case "$word" in
      (${CONNECTION_FLAGS.map((f) => `${f}=*`).join('|')}) connection+=("$word"); continue ;;
      (${CONNECTION_FLAGS.join('|')}) connection+=("$word" "\${words[i+1]}"); i=$((i + 1)); continue ;;
      (${jsonFlags.join('|')}) if (( i + 1 < CURRENT )) && ${fn}_is_json_fields "\${words[i+1]}"; then i=$((i + 1)); fi; continue ;;
      (${valueFlags(program).join('|')}) i=$((i + 1)); continue ;;
      (-*) continue ;;
    esac
    case "$cmdpath/$word" in
${pathCases.join('\n')}
      (*) npos=$((npos + 1)) ;;
    esac
  done

  # --opt=value: the value of --opt is being typed.
  if [[ "$cur" == --*=* ]]; then
    prev="\${cur%%=*}" cur="\${cur#*=}" eq=1
    compset -P '*='
  fi

  case "$cmdpath:$prev" in
${valueCases.join('\n')}
  esac

  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
${optionCases.join('\n')}
    esac
    _describe option opts
    return
  fi

  case "$cmdpath:$npos" in
${positionalCases.join('\n')}
  esac
}

if [[ "$funcstack[1]" == "${fn}" ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${binNames.join(' ')}
fi
`;
}

function values(v: ValueSpec, fn: string): string {
  // The helper answers in the form typed (42 or inc-42 for INC-000042), so zsh's own prefix match keeps them.
  if (v.source) return `vals=(\${(f)"$(${fn}_dynamic ${v.source})"}); compadd -a vals; return`;
  if (v.choices.length) return `vals=(${v.choices.join(' ')}); compadd -a vals; return`;
  if (v.files) return '_files; return';
  return 'return';
}

// One _describe entry, 'name:description', with the quote and colon escaped.
function describe(name: string, description: string): string {
  const esc = (s: string) => s.replace(/'/g, `'\\''`).replace(/:/g, '\\:');
  return `${esc(name)}:${esc(description)}`;
}
