// `silence add --site S | --asset A | --match label=value … --for 2h --reason TEXT`: prints the silence's id.
import { Option } from 'commander';
import type { NewSilenceRequest } from '../../core/client.js';
import { UsageError } from '../../core/errors.js';
import type { LabelMatcher } from '../../core/model.js';
import { silenceSpanMs } from '../../core/silence-rules.js';
import { silenceJson, silenceScope } from '../../render/silences.js';
import { normalizeAssetId } from '../asset-id.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';
import { parseMatcher } from './matchers.js';

export interface SilenceAddInput {
  /** As typed: an id, a name, a city; the hub's sites decide. */
  site?: string;
  asset?: string;
  matchers: LabelMatcher[];
  for: string;
  reason: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const silenceAdd = defineVerb({
  name: 'add',
  description: 'silence alerts of a site, an asset or matching labels for a while (officers); they are recorded but open no incident',
  metadata: {
    examples: [
      'silence add --site JED --for 2h --reason "terminal 1 cabling works"',
      'silence add --asset RUH/egate-07 --for 30m --reason "vendor swapping the camera"',
      'silence add --match alertname=LinkFlap --match instance=~gw-.* --for 1h --reason "carrier maintenance"',
    ],
  },
  configure(command) {
    command
      .addOption(completeWith(new Option('--site <site>', 'every alert of this site (id, name or city)'), 'sites'))
      .addOption(completeWith(new Option('--asset <asset>', 'every alert of this asset (SITE/ASSET)'), 'assets'))
      .addOption(new Option('--match <matcher>', 'label=value or label=~regex (repeatable; all must hold)').argParser(collect))
      .requiredOption('--for <span>', 'how long: 30m, 2h, 1d')
      .requiredOption('--reason <text...>', 'why, for the audit log and whoever wonders why the site is quiet (the words up to the next option, so chat needs no quotes)');
  },
  input: (_args: [], o: { site?: string; asset?: string; match?: string[]; for: string; reason: string[] }): SilenceAddInput => {
    silenceSpanMs(o.for, '--for');
    const reason = o.reason.join(' ').trim();
    if (!reason) throw new UsageError('--reason: say why');
    const matchers = (o.match ?? []).map(parseMatcher);
    if (o.site === undefined && o.asset === undefined && matchers.length === 0) {
      throw new UsageError('say what to silence: --site, --asset or --match', { hint: 'e.g. watchfloor silence add --site JED --for 2h --reason "cabling works"' });
    }
    return { ...(o.site !== undefined ? { site: o.site } : {}), ...(o.asset !== undefined ? { asset: normalizeAssetId(o.asset) } : {}), matchers, for: o.for.trim(), reason };
  },
  async run(input, ctx) {
    const client = ctx.client();
    const request: NewSilenceRequest = { for: input.for, reason: input.reason };
    if (input.site !== undefined) request.siteId = (await client.findSite(input.site)).id;
    if (input.asset !== undefined) request.assetId = input.asset;
    if (input.matchers.length) request.matchers = input.matchers;
    return client.addSilence(request);
  },
  present: {
    // stdout carries the id alone, so a script can expire it later.
    text: (silence) => silence.id,
    note: (silence) => `silenced ${silenceScope(silence)} until ${silence.endsAt}`,
    json: (silence) => ({ silence: silenceJson(silence) }),
  },
});
