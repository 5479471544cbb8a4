// `__complete SOURCE [WORD]` (hidden): the values completion scripts offer,
// one per line, already matched against the word being typed — in the form
// it is typed in (42 or inc-42 for INC-000042), so every shell can take them
// as they are. A shell waits on this while someone presses Tab, so it gives
// up after a second and stays silent (exit 0) when the hub cannot answer.
import { Argument } from 'commander';
import type { CoreClient } from '../../core/client.js';
import type { VerbContext } from '../context.js';
import { withSimControl } from '../sim/sim-url.js';
import { defineVerb } from '../verb.js';
import { DYNAMIC_SOURCES, type DynamicSource } from './dynamic.js';

export const COMPLETION_TIMEOUT_MS = 1_000;

type ValuesContext = Pick<VerbContext, 'connection' | 'deps' | 'globals'>;

export async function runCompleteValues(source: DynamicSource, ctx: ValuesContext, word = ''): Promise<string[]> {
  // Profiles are this machine's own: no hub to ask.
  if (source === 'profiles') return matching(Object.keys(ctx.deps.config.read().profiles ?? {}), word);
  const client = ctx.deps.createClient({ ...ctx.connection(), timeoutMs: COMPLETION_TIMEOUT_MS });
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), COMPLETION_TIMEOUT_MS);
  });
  try {
    const values = await Promise.race([valuesFrom(source, client, ctx).catch(() => []), giveUp]);
    return matching(values, word);
  } finally {
    clearTimeout(timer);
    await client.close().catch(() => undefined);
  }
}

async function valuesFrom(source: DynamicSource, client: CoreClient, ctx: ValuesContext): Promise<string[]> {
  switch (source) {
    case 'sites':
      return (await client.listSites()).map((s) => s.id);
    case 'regions':
      return [...new Set((await client.listSites()).map((s) => s.region))].sort();
    case 'assets':
      return (await client.listAssets()).map((a) => a.id);
    case 'targets': {
      const [sites, assets] = await Promise.all([client.listSites(), client.listAssets()]);
      return [...sites.map((s) => s.id), ...assets.map((a) => a.id)];
    }
    case 'playbooks':
      return (await client.listPlaybooks()).map((p) => p.id);
    case 'runs':
      return (await client.listRuns({ state: 'active' })).map((r) => r.id);
    case 'dispatches':
      return (await client.listDispatches({ state: 'open' })).map((d) => d.id);
    case 'tokens':
      return (await client.listTokens()).filter((t) => !t.revokedAt).map((t) => t.id);
    case 'faults': {
      const mix = await withSimControl(undefined, ctx, (sim) => sim.faultKinds());
      return [...new Set(mix.faultKinds.map((k) => k.fault))].sort();
    }
    default:
      return (await client.listIncidents({ state: 'open' })).map((i) => i.id);
  }
}

/**
 * The values the typed word could become, in its form: ids match in any case
 * (written in the case typed) and shortened as the commands take them
 * (INC-000042 as 42 or inc-42).
 */
export function matching(values: readonly string[], word: string): string[] {
  if (!word) return [...values];
  const lower = word.toLowerCase();
  const typedLower = word === lower && lower !== word.toUpperCase();
  return values.flatMap((value) => {
    const form = formsOf(value).find((f) => f.toLowerCase().startsWith(lower));
    if (form === undefined) return [];
    return [typedLower ? form.toLowerCase() : form];
  });
}

// INC-000042: as it is, then INC-42, then 42.
function formsOf(value: string): string[] {
  const id = /^([A-Z]+)-0*(\d+)$/.exec(value);
  return id ? [value, `${id[1]}-${id[2]}`, id[2]!] : [value];
}

export const completeValues = defineVerb({
  name: '__complete',
  description: 'values for shell completion',
  hidden: true,
  metadata: { refusedInChat: { en: 'it is the shell completion helper', ar: 'أداة إكمال للطرفية' } },
  configure: (command) => void command.addArgument(new Argument('<source>').choices(DYNAMIC_SOURCES)).argument('[word]', 'the word typed so far'),
  input: ([source, word]: [DynamicSource, string | undefined]) => ({ source, word: word ?? '' }),
  run: (input, ctx) => runCompleteValues(input.source, ctx, input.word),
  present: { text: (values) => values.join('\n') },
});
