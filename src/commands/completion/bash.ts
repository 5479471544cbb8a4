// Generates the bash completion script from the command tree. bash splits
// `--site=JE` at the `=` and URLs at their `:` (COMP_WORDBREAKS), so the
// script glues those words back before it reads the line.
import { CONNECTION_FLAGS, commandPaths, fieldCommands, inheritedOptions, jsonFieldFlags, publishedFields, valueFlags } from './shell-words.js';
import { allCommands, type CommandSpec, type OptionSpec, type ValueSpec } from './tree.js';

export function bashCompletion(program: CommandSpec, binNames: string[]): string {
  const commands = allCommands(program);
  const fn = `_${program.name}`;

  // Globals last, so a command's own option patterns are tried first.
  const valueCases = [...commands.slice(1), program].flatMap((c) =>
    c.options
      .filter((o) => o.takesValue)
      .map((o) => {
        const body = o.optionalValue ? `if [[ -n "$eq" ]]; then ${reply(o, fn)}; fi` : reply(o, fn);
        return `    ${o.flags.map((f) => `${c === program ? '*' : quote(c.path)}:${f}`).join('|')}) ${o.jsonFields ? `${fn}_json_fields && return; ` : ''}${body} ;;`;
      }),
  );
  const optionCases = commands.map((c) => {
    const options = [...c.options, ...(c === program ? [] : inheritedOptions(program))];
    // An option that takes a value is also offered as `--opt=`, the form an optional value needs.
    const flags = options.flatMap((o) => o.flags.flatMap((f) => (o.takesValue && f.startsWith('--') ? [f, `${f}=`] : [f])));
    return `    ${quote(c.path)}) COMPREPLY=($(compgen -W "${flags.join(' ')}" -- "$cur")) ;;`;
  });
  const positionalCases = commands.flatMap((c) => {
    if (c.subcommands.length) {
      const names = c.subcommands.flatMap((s) => [s.name, ...s.aliases]);
      return [`    ${quote(c.path)}:0) COMPREPLY=($(compgen -W "${names.join(' ')}" -- "$cur")) ;;`];
    }
    return c.arguments.flatMap((a, i) => (hasValues(a) ? [`    ${quote(c.path)}:${i}) ${reply(a, fn)} ;;`] : []));
  });
  const pathCases = commandPaths(program).map(([path, typed]) => `      ${typed.join('|')}) cmdpath=${path}; npos=0 ;;`);
  const fieldCases = fieldCommands(program).map((c) => `    ${quote(c.path)}) fields="${c.jsonFields.join(' ')}" ;;`);
  const jsonFlags = jsonFieldFlags(program);

  return `# bash completion for ${binNames.join(' and ')}
# Generated from the command tree by \`${program.name} completion bash\`; do not edit.
${fn}_dynamic() {
  "\${COMP_WORDS[0]}" "\${connection[@]}" __complete "$1" "$cur" 2>/dev/null
}

# Values from the hub (or the profiles), one a line, quoted for the line.
${fn}_reply() {
  local IFS=$'\\n' value
  COMPREPLY=()
  for value in $(${fn}_dynamic "$1"); do COMPREPLY+=("$(printf '%q' "$value")"); done
}

# The fields --json selects from for the verb typed, a comma list as gh has it
# (--json id,ti): no space after a field, and none offered twice. Fails where
# the verb publishes none, or where the word may be the verb's own (42).
${fn}_json_fields() {
  local fields head="" part="$cur" field
  case "$cmdpath" in
${fieldCases.join('\n')}
    *) return 1 ;;
  esac
  [[ "$cur" == *,* ]] && head="\${cur%,*}," part="\${cur##*,}"
  COMPREPLY=()
  for field in $fields; do
    [[ "$field" == "$part"* && ",$head" != *",$field,"* ]] && COMPREPLY+=("$head$field")
  done
  ((\${#COMPREPLY[@]})) && compopt -o nospace
  [[ -n "$eq" || -n "$head" || \${#COMPREPLY[@]} -gt 0 ]]
}

# Is the word after --json its list of fields, or the command's own word? As the CLI decides (json-flag.ts).
${fn}_is_json_fields() {
  local -a parts
  local part
  [[ -n "$1" && "$1" != *, ]] || return 1
  IFS=, read -ra parts <<< "$1"
  for part in "\${parts[@]}"; do
    case "$part" in
      ${publishedFields(program).join('|')}) ;;
      *) return 1 ;;
    esac
  done
}

${fn}() {
  # bash splits words at = and : (COMP_WORDBREAKS): glue them back, so
  # --site=JE and --hub http://host:8080 read as typed.
  local -a words=()
  local i word glue=""
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ -n "$glue" || "$word" == "=" || "$word" == ":" ]] && ((\${#words[@]})); then
      words[\${#words[@]}-1]+="$word"
    else
      words+=("$word")
    fi
    [[ "$word" == "=" || "$word" == ":" ]] && glue=1 || glue=""
  done
  local n=\${#words[@]}
  local cur="\${words[n-1]}" prev="\${words[n-2]}"
  local cmdpath="" npos=0 eq=""
  local -a connection=()
  # --opt=value: the value of --opt is being typed (readline's word is what follows the =).
  if [[ "$cur" == --*=* ]]; then
    prev="\${cur%%=*}" cur="\${cur#*=}" eq=1
  fi
  for ((i = 1; i < n - 1; i++)); do
    word="\${words[i]}"
    case "$word" in
      ${CONNECTION_FLAGS.map((f) => `${f}=*`).join('|')}) connection+=("$word"); continue ;;
      ${CONNECTION_FLAGS.join('|')}) connection+=("$word" "\${words[i+1]}"); i=$((i + 1)); continue ;;
      ${jsonFlags.join('|')}) if ((i + 1 < n - 1)) && ${fn}_is_json_fields "\${words[i+1]}"; then i=$((i + 1)); fi; continue ;;
      ${valueFlags(program).join('|')}) i=$((i + 1)); continue ;;
      -*) continue ;;
    esac
    case "$cmdpath/$word" in
${pathCases.join('\n')}
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
    [[ \${#COMPREPLY[@]} == 1 && "\${COMPREPLY[0]}" == *= ]] && compopt -o nospace
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
  return v.choices.length > 0 || v.source !== undefined || v.files;
}

function reply(v: ValueSpec | OptionSpec, fn: string): string {
  if (v.source) return `${fn}_reply ${v.source}; return`;
  if (v.choices.length) return `COMPREPLY=($(compgen -W "${v.choices.join(' ')}" -- "$cur")); return`;
  if (v.files) return 'compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return';
  return 'COMPREPLY=(); return';
}

function quote(path: string): string {
  return `"${path}"`;
}
