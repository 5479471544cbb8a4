// `tokens list`
import { TOKEN_FIELDS, tokenJson } from '../../render/json.js';
import { renderTokenTable } from '../../render/tokens.js';
import { defineVerb } from '../verb.js';

export const tokensList = defineVerb({
  name: 'list',
  description: 'API tokens (never their secrets)',
  metadata: { examples: ['tokens list', 'tokens ls --json id,name,role,expiresAt'] },
  input: () => ({}),
  run: (_input, ctx) => ctx.client().listTokens(),
  present: {
    text: (tokens, view) => (tokens.length ? renderTokenTable(tokens, view) : ''),
    note: (tokens) => (tokens.length ? undefined : 'no tokens'),
    json: (tokens) => ({ tokens: tokens.map(tokenJson) }),
    jsonFields: { key: 'tokens', fields: TOKEN_FIELDS },
  },
});
