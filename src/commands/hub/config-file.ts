// `hub start --config hub.yaml`: the same settings as the flags, in a file a
// service manager can point at. Every problem names the file, the line and the
// field; relative paths in the file are read from the file's own directory, so
// the file means the same whatever directory the hub is started from.
// yaml is loaded here by import(): `hub start` is not on the start-up path, but
// this module is reachable from the one every command loads.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { HUB_SETTINGS, type HubSettings } from './hub-settings.js';

const fail = (file: string, line: number | null, message: string) =>
  new UsageError(`${file}${line ? `:${line}` : ''}: ${message}`, { hint: `the keys are the flags of \`watchfloor hub start\` without the dashes: ${Object.keys(HUB_SETTINGS).join(', ')}` });

export async function readHubConfigFile(file: string): Promise<HubSettings> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the hub config file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'pass a YAML file with --config FILE',
      cause: e,
    });
  }
  const { LineCounter, parseDocument, isMap, isScalar } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? null : lines.linePos(offset).line);
  const problem = doc.errors[0];
  if (problem) throw fail(file, lineAt(problem.pos[0]), problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  // An empty file sets nothing.
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw fail(file, lineAt(doc.contents.range?.[0]), 'expected a map of settings (key: value)');
  const values = doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const pair of doc.contents.items) {
    const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const setting = HUB_SETTINGS[name];
    if (!setting || !Object.hasOwn(HUB_SETTINGS, name)) throw fail(file, line, `unknown setting ${JSON.stringify(name)}`);
    const value = values[name];
    let parsed: unknown;
    try {
      parsed = setting.parse(value);
    } catch (e) {
      throw fail(file, line, `${name}: ${(e as Error).message}`);
    }
    settings[setting.key] = setting.path && typeof parsed === 'string' && !isAbsolute(parsed) ? resolve(dirname(file), parsed) : parsed;
  }
  return settings as HubSettings;
}
