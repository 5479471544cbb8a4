// `tokens create --name N --role R`: the secret is printed once, here.
import { Option, type Command } from 'commander';
import type { TokenInfo } from '../../core/model.js';
import { ROLES, type Role } from '../../core/vocabulary.js';
import { tokenJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export interface TokensCreateOptions {
  name: string;
  role: Role;
}

export function runTokensCreate(options: TokensCreateOptions, ctx: Pick<CommandContext, 'client'>): Promise<{ token: TokenInfo; secret: string }> {
  return ctx.client().createToken(options);
}

export function registerTokensCreate(tokens: Command, deps: Deps): void {
  tokens
    .command('create')
    .description('create an API token (admins); its secret is shown only now')
    .requiredOption('--name <name>', 'who or what holds it')
    .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
    .action(
      action(deps, async (ctx, options: TokensCreateOptions) => {
        const created = await runTokensCreate(options, ctx);
        if (ctx.globals.json) {
          ctx.printJson({ token: tokenJson(created.token), secret: created.secret });
          return;
        }
        ctx.info(`created token ${created.token.id} (${created.token.name}, ${created.token.role}); the secret is shown only once:`);
        ctx.print(created.secret);
      }),
    );
}
