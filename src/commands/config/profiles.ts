// `config delete-profile NAME` and `config rename-profile OLD NEW`, in the
// config noun's own verb-noun style (`use`, `set`). Deleting the active
// profile falls back to the default; renaming it keeps it active.
import { Argument } from 'commander';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { completeWith } from '../completion/dynamic.js';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';
import { checkedProfileName } from './profile-name.js';

const profileArgument = (name: string, description: string) => completeWith(new Argument(name, description), 'profiles');

function existing(name: string, ctx: Pick<VerbContext, 'deps'>): string {
  const checked = checkedProfileName(name);
  const names = Object.keys(ctx.deps.config.read().profiles ?? {});
  if (!names.includes(checked)) {
    throw new NotFoundError(`no profile ${checked}`, { hint: names.length ? `profiles: ${names.join(', ')}` : 'there are no profiles yet' });
  }
  return checked;
}

export const configDeleteProfile = defineVerb({
  name: 'delete-profile',
  description: 'delete a profile and its settings (its token too)',
  metadata: { examples: ['config delete-profile staging'] },
  configure: (command) => void command.addArgument(profileArgument('<name>', 'the profile')),
  input: ([name]: [string]) => ({ name }),
  async run(input, ctx) {
    const name = existing(input.name, ctx);
    let wasActive = false;
    await ctx.deps.config.update(({ profiles = {}, activeProfile, ...rest }) => {
      const { [name]: _gone, ...others } = profiles;
      wasActive = activeProfile === name;
      return { ...rest, profiles: others, ...(wasActive || activeProfile === undefined ? {} : { activeProfile }) };
    });
    return { deleted: name, wasActive };
  },
  present: {
    text: () => '',
    note: (r) => `deleted profile ${r.deleted}${r.wasActive ? '; the default profile is active now' : ''}`,
    json: (r) => r,
  },
});

export const configRenameProfile = defineVerb({
  name: 'rename-profile',
  description: 'give a profile another name (the active one stays active)',
  metadata: { examples: ['config rename-profile staging night-shift'] },
  configure: (command) => void command.addArgument(profileArgument('<old>', 'the profile')).argument('<new>', 'its new name'),
  input: ([from, to]: [string, string]) => ({ from, to }),
  async run(input, ctx) {
    const from = existing(input.from, ctx);
    const to = checkedProfileName(input.to);
    if (ctx.deps.config.read().profiles?.[to]) throw new ConflictError(`a profile ${to} exists already`, { hint: `delete it first: \`watchfloor config delete-profile ${to}\`` });
    await ctx.deps.config.update(({ profiles = {}, activeProfile, ...rest }) => {
      const { [from]: settings, ...others } = profiles;
      const active = activeProfile === from ? to : activeProfile;
      return { ...rest, profiles: { ...others, [to]: settings ?? {} }, ...(active === undefined ? {} : { activeProfile: active }) };
    });
    return { from, to };
  },
  present: {
    text: () => '',
    note: (r) => `renamed profile ${r.from} to ${r.to}`,
    json: (r) => r,
  },
});
