// `config set KEY VALUE` in the selected profile (file mode 0600).
import { Argument } from 'commander';
import { defineVerb } from '../verb.js';
import { profileName } from './connection.js';
import { maskToken } from './mask.js';
import { CONFIG_KEYS, SECRET_CONFIG_KEYS, type ConfigKey } from './store.js';
import { validateConfigValue } from './values.js';

export const configSet = defineVerb({
  name: 'set',
  description: 'store a setting in the profile',
  metadata: { examples: ['config set hub https://watchfloor.ops.internal:7474', 'config set token "$WATCHFLOOR_TOKEN" --profile night', 'config set ca /etc/watchfloor/ca.pem'] },
  configure(command) {
    command.addArgument(new Argument('<key>', 'the setting').choices(CONFIG_KEYS)).argument('<value>', 'its value (hub: an http or https URL)');
  },
  input: ([key, value]: [ConfigKey, string]) => ({ key, value }),
  async run(input, ctx) {
    const value = validateConfigValue(input.key, input.value);
    const store = ctx.deps.config;
    const profile = profileName(ctx.globals, ctx.deps.env, store.read());
    await store.update((config) => ({
      ...config,
      profiles: { ...config.profiles, [profile]: { ...config.profiles?.[profile], [input.key]: value } },
    }));
    return { profile, key: input.key, value };
  },
  present: {
    text: () => '',
    note: ({ profile, key, value }) => `set ${key} in profile ${profile}${SECRET_CONFIG_KEYS.has(key) ? ` (${maskToken(value)})` : ''}`,
    json: ({ profile, key }) => ({ profile, key }),
  },
});
