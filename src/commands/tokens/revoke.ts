// `tokens revoke ID`
import { Argument } from 'commander';
import { completeWith } from '../completion/dynamic.js';
import { tokenJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';

export const tokensRevoke = defineVerb({
  name: 'revoke',
  description: 'revoke an API token; it stops working at once',
  metadata: { examples: ['tokens revoke tok_3f9a1c2b7d4e'] },
  configure: (command) => void command.addArgument(completeWith(new Argument('<id>', 'the token id from `tokens list`'), 'tokens')),
  input: ([id]: [string]) => ({ id }),
  run: (input, ctx) => ctx.client().revokeToken(input.id),
  present: {
    text: (token) => `revoked ${token.id} (${token.name})`,
    json: (token) => ({ token: tokenJson(token) }),
  },
});
