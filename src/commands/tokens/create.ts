// `tokens create --name N --role R [--bot] [--expires 90d]`: the secret is printed once, here.
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { TIME_AHEAD_EXAMPLES, timeAhead } from '../../core/time-span.js';
import { TOKEN_ROLES, type TokenRole } from '../../core/vocabulary.js';
import { tokenJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';

export interface TokensCreateInput {
  name: string;
  role: TokenRole;
  /** A chat bot's token, the only kind that may act for chat users; sent only when asked for. */
  bot?: true;
  /** As written (90d, an ISO time): the hub's clock turns it into the expiry. */
  expires?: string;
}

// Only the words are checked here; whether the time is still ahead is the hub's to say, by its clock.
function expiresOption(text: string | undefined): { expires?: string } {
  if (text === undefined) return {};
  if (!timeAhead(text, new Date(0))) throw new UsageError(`--expires: not a span or a time: ${text}`, { hint: `use ${TIME_AHEAD_EXAMPLES}` });
  return { expires: text.trim() };
}

export const tokensCreate = defineVerb({
  name: 'create',
  description: 'create an API token (admins); its secret is shown only now',
  // Prints a new token's secret once: a channel is the wrong place for a secret.
  metadata: {
    examples: ['tokens create --name alertmanager --role intake', 'tokens create --name slack-bot --role supervisor --bot', 'tokens create --name night-shift --role officer --expires 12h'],
    refusedInChat: { en: 'it prints a secret; create tokens in a terminal', ar: 'يطبع رمزاً سرياً؛ أنشئ الرموز في الطرفية' },
  },
  configure(command) {
    command
      .requiredOption('--name <name>', 'who or what holds it')
      .addOption(new Option('--role <role>', 'what it may do (intake: only feeds alerts and telemetry)').choices(TOKEN_ROLES).makeOptionMandatory())
      .option('--bot', "for a chat bot: it may act for the chat users it serves, each capped to their role")
      .option('--expires <when>', 'when it stops working: a span from now (90d, 12h) or an ISO time; by default never');
  },
  input: (_args: [], { name, role, bot, expires }: { name: string; role: TokenRole; bot?: boolean; expires?: string }): TokensCreateInput => ({
    name,
    role,
    ...(bot ? { bot: true as const } : {}),
    ...expiresOption(expires),
  }),
  run: (input, ctx) => ctx.client().createToken(input),
  present: {
    // stdout carries the secret alone, so a script can take it.
    text: (created) => created.secret,
    note: ({ token }) =>
      `created token ${token.id} (${token.name}, ${token.role}${token.bot ? ', bot' : ''}${token.expiresAt ? `, expires ${token.expiresAt}` : ''}); the secret is shown only once:`,
    noteFirst: true,
    json: (created) => ({ token: tokenJson(created.token), secret: created.secret }),
  },
});
