// `tokens list`
import type { Command } from 'commander';
import type { TokenInfo } from '../../core/model.js';
import { tokenJson } from '../../render/json.js';
import { renderTokenTable } from '../../render/tokens.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export function runTokensList(ctx: Pick<CommandContext, 'client'>): Promise<TokenInfo[]> {
  return ctx.client().listTokens();
}

export function registerTokensList(tokens: Command, deps: Deps): void {
  tokens
    .command('list')
    .description('API tokens (never their secrets)')
    .action(
      action(deps, async (ctx) => {
        const list = await runTokensList(ctx);
        if (ctx.globals.json) ctx.printJson({ tokens: list.map(tokenJson) });
        else if (list.length) ctx.print(renderTokenTable(list, ctx.view));
        else ctx.info('no tokens');
      }),
    );
}
