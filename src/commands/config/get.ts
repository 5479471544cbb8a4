// `config get KEY`: the value stored in the selected profile.
import { Argument } from 'commander';
import { NotFoundError } from '../../core/errors.js';
import { defineVerb } from '../verb.js';
import { profileName } from './connection.js';
import { CONFIG_KEYS, type ConfigKey } from './store.js';

export interface ConfigGetResult {
  profile: string;
  key: ConfigKey;
  value: string;
}

export const configGet = defineVerb({
  name: 'get',
  description: 'print one setting of the profile',
  metadata: { examples: ['config get hub', 'config get hub --profile night'] },
  configure: (command) => void command.addArgument(new Argument('<key>', 'the setting').choices(CONFIG_KEYS)),
  input: ([key]: [ConfigKey]) => ({ key }),
  async run(input, ctx): Promise<ConfigGetResult> {
    const config = ctx.deps.config.read();
    const profile = profileName(ctx.globals, ctx.deps.env, config);
    const value = config.profiles?.[profile]?.[input.key];
    if (value === undefined) {
      throw new NotFoundError(`${input.key} is not set in profile ${profile}`, { hint: `set it with \`watchfloor config set ${input.key} …\`` });
    }
    return { profile, key: input.key, value };
  },
  present: {
    text: (result) => result.value,
    json: (result) => result,
  },
});
