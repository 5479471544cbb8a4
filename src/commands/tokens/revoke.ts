// `tokens revoke ID`
import type { Command } from 'commander';
import type { TokenInfo } from '../../core/model.js';
import { tokenJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export function runTokensRevoke(options: { id: string }, ctx: Pick<CommandContext, 'client'>): Promise<TokenInfo> {
  return ctx.client().revokeToken(options.id);
}

export function registerTokensRevoke(tokens: Command, deps: Deps): void {
  tokens
    .command('revoke')
    .description('revoke an API token; it stops working at once')
    .argument('<id>', 'the token id from `tokens list`')
    .action(
      action(deps, async (ctx, id: string) => {
        const token = await runTokensRevoke({ id }, ctx);
        if (ctx.globals.json) ctx.printJson({ token: tokenJson(token) });
        else ctx.print(`revoked ${token.id} (${token.name})`);
      }),
    );
}
