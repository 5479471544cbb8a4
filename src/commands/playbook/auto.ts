// `playbook auto [on|off]`: whether the hub starts playbooks marked
// `auto: true` on its own when a new incident matches them. Anyone may look;
// turning it on or off is an admin's (the hub refuses others, exit 6).
import { Argument } from 'commander';
import type { AutoRunChange, AutoRunSetting } from '../../core/model.js';
import { defineVerb } from '../verb.js';

type AutoResult = AutoRunChange | { setting: AutoRunSetting; changed?: undefined };

function describeAutoRuns({ setting, changed }: AutoResult): string {
  const state = setting.enabled ? 'on: the hub starts playbooks marked auto when a new incident matches them' : 'off: the hub only proposes playbooks';
  const since = setting.changedAt && setting.changedBy ? ` (turned ${setting.enabled ? 'on' : 'off'} by ${setting.changedBy.name} at ${setting.changedAt})` : ' (never turned on)';
  return `${changed === false ? 'nothing changed; ' : ''}auto-runs ${state}${since}`;
}

export const playbookAuto = defineVerb({
  name: 'auto',
  description: 'show, or turn on or off (admins), the hub starting playbooks marked auto on matching new incidents',
  metadata: { examples: ['playbook auto', 'playbook auto on'] },
  configure: (command) => void command.addArgument(new Argument('[state]', 'on or off; left out, show it').choices(['on', 'off'])),
  input: ([state]: [('on' | 'off')?]) => ({ state }),
  run: async (input, ctx): Promise<AutoResult> =>
    input.state === undefined ? { setting: await ctx.client().autoRuns() } : ctx.client().setAutoRuns(input.state === 'on'),
  present: {
    text: (result) => describeAutoRuns(result),
    json: ({ setting, changed }) => ({
      setting: { enabled: setting.enabled, changedAt: setting.changedAt, changedBy: setting.changedBy && { id: setting.changedBy.id, name: setting.changedBy.name } },
      ...(changed === undefined ? {} : { changed }),
    }),
  },
});
