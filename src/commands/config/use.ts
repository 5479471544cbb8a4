// `config use NAME`: the profile commands use from now on.
import { Argument } from 'commander';
import { completeWith } from '../completion/dynamic.js';
import { checkedProfileName } from './profile-name.js';
import { defineVerb } from '../verb.js';

export const configUse = defineVerb({
  name: 'use',
  description: 'switch the active profile',
  metadata: { examples: ['config use night', 'config use default'] },
  configure: (command) => void command.addArgument(completeWith(new Argument('<name>', 'profile name'), 'profiles')),
  input: ([name]: [string]) => ({ name }),
  async run(input, ctx) {
    const name = checkedProfileName(input.name);
    const exists = Boolean(ctx.deps.config.read().profiles?.[name]);
    await ctx.deps.config.update((config) => ({ ...config, activeProfile: name }));
    return { activeProfile: name, exists };
  },
  present: {
    text: () => '',
    note: (result) => `active profile: ${result.activeProfile}${result.exists ? '' : ' (no settings yet; `watchfloor config set hub …`)'}`,
    json: (result) => result,
  },
});
