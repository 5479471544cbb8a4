// Generates the fish completion script from the command tree.
import { commandPaths, jsonFieldFlags, publishedFields, valueFlags } from './shell-words.js';
import { allCommands, type CommandSpec, type OptionSpec, type ValueSpec } from './tree.js';

export function fishCompletion(program: CommandSpec, binNames: string[]): string {
  const bin = program.name;
  const fn = `__${bin}`;
  const lines: string[] = [];
  for (const c of allCommands(program)) {
    const inCommand = c === program ? '' : ` -n '${fn}_in ${c.path}'`;
    for (const o of c.options) lines.push(`complete -c ${bin}${inCommand}${optionFlags(o)}${valueArgs(o, fn)} -d ${quote(o.description)}`);
    // The program's --json, in each verb that publishes fields: those fields.
    if (c.jsonFields.length) {
      for (const o of program.options.filter((p) => p.jsonFields)) {
        lines.push(`complete -c ${bin} -n '${fn}_in ${c.path}'${optionFlags(o)} -x -a '(${fn}_json_fields ${c.jsonFields.join(' ')})'`);
      }
    }
    for (const s of c.subcommands) {
      for (const name of [s.name, ...s.aliases]) lines.push(`complete -c ${bin} -n '${fn}_at ${c.path}:0' -a ${name} -d ${quote(s.description)}`);
    }
    if (!c.subcommands.length) {
      c.arguments.forEach((a, i) => {
        const values = valueArgs(a, fn);
        if (values) lines.push(`complete -c ${bin} -n '${fn}_at ${c.path}:${i}'${values}`);
      });
    }
  }
  const wraps = binNames.filter((b) => b !== bin).map((b) => `complete -c ${b} -w ${bin}`);

  return `# fish completion for ${binNames.join(' and ')}
# Generated from the command tree by \`${bin} completion fish\`; do not edit.
function ${fn}_state
    set -l words (commandline -opc)
    set -l cmdpath ''
    set -l npos 0
    set -l skip 0
    set -l fields 0
    for word in $words[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        # The word after --json is its value when it is a list of fields (json-flag.ts).
        if test $fields = 1
            set fields 0
            if ${fn}_is_json_fields $word
                continue
            end
        end
        switch $word
            case ${jsonFieldFlags(program).join(' ')}
                set fields 1
                continue
            case ${valueFlags(program).join(' ')}
                set skip 1
                continue
            case '-*'
                continue
        end
        switch "$cmdpath/$word"
${commandPaths(program).map(([path, typed]) => `            case ${typed.join(' ')}
                set cmdpath ${path}
                set npos 0`).join('\n')}
            case '*'
                set npos (math $npos + 1)
        end
    end
    echo "$cmdpath:$npos"
end

function ${fn}_at
    test (${fn}_state) = "$argv[1]"
end

function ${fn}_in
    string match -q -- "$argv[1]:*" (${fn}_state)
end

# The fields --json selects from (given), a comma list as gh has it: none offered twice.
function ${fn}_json_fields
    set -l token (commandline -ct | string replace -r -- '^--[^=]*=' '')
    set -l head (string match -r -- '^.*,' "$token")
    set -l used (string split , -- "$head")
    for field in $argv
        contains -- $field $used; or echo "$head$field"
    end
end

function ${fn}_is_json_fields
    test -n "$argv[1]"; or return 1
    for field in (string split , -- $argv[1])
        contains -- $field ${publishedFields(program).join(' ')}; or return 1
    end
end

function ${fn}_dynamic
    set -l words (commandline -opc)
    $words[1] __complete $argv[1] 2>/dev/null
end

complete -c ${bin} -f
${lines.join('\n')}
${wraps.join('\n')}
`;
}

function optionFlags(o: OptionSpec): string {
  return o.flags.map((f) => (f.startsWith('--') ? ` -l ${f.slice(2)}` : ` -s ${f.slice(1)}`)).join('');
}

function valueArgs(v: ValueSpec | OptionSpec, fn: string): string {
  const takesValue = 'takesValue' in v ? v.takesValue : true;
  if (v.source) return ` -x -a '(${fn}_dynamic ${v.source})'`;
  if (v.choices.length) return ` -x -a ${quote(v.choices.join(' '))}`;
  if (v.files) return ' -r -F';
  // An optional value is only ever given as --opt=value: the next word stays the command's (`--json status`).
  return takesValue && 'takesValue' in v && !v.optionalValue ? ' -r' : '';
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
