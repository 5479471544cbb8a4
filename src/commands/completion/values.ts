// `__complete sites|incidents|playbooks|runs` (hidden): the values completion scripts offer,
// one per line. A shell waits on this while someone presses Tab, so it gives
// up after a second and stays silent (exit 0) when the hub cannot answer.
import { Argument } from 'commander';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';
import { DYNAMIC_SOURCES, type DynamicSource } from './dynamic.js';

export const COMPLETION_TIMEOUT_MS = 1_000;

export async function runCompleteValues(source: DynamicSource, ctx: Pick<VerbContext, 'connection' | 'deps'>): Promise<string[]> {
  const client = ctx.deps.createClient({ ...ctx.connection(), timeoutMs: COMPLETION_TIMEOUT_MS });
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), COMPLETION_TIMEOUT_MS);
  });
  const fetch = async (): Promise<string[]> => {
    if (source === 'sites') return (await client.listSites()).map((s) => s.id);
    if (source === 'playbooks') return (await client.listPlaybooks()).map((p) => p.id);
    if (source === 'runs') return (await client.listRuns({ state: 'active' })).map((r) => r.id);
    return (await client.listIncidents({ state: 'open' })).map((i) => i.id);
  };
  try {
    return await Promise.race([fetch().catch(() => []), giveUp]);
  } finally {
    clearTimeout(timer);
    await client.close().catch(() => undefined);
  }
}

export const completeValues = defineVerb({
  name: '__complete',
  description: 'values for shell completion',
  hidden: true,
  metadata: { refusedInChat: { en: 'it is the shell completion helper', ar: 'أداة إكمال للطرفية' } },
  configure: (command) => void command.addArgument(new Argument('<source>').choices(DYNAMIC_SOURCES)),
  input: ([source]: [DynamicSource]) => ({ source }),
  run: (input, ctx) => runCompleteValues(input.source, ctx),
  present: { text: (values) => values.join('\n') },
});
