// `audit list [--since ISO|duration] [--limit N]`
import type { Command } from 'commander';
import type { AuditEntry } from '../../core/model.js';
import { UsageError } from '../../core/errors.js';
import { renderAuditTable } from '../../render/audit.js';
import { auditEntryJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { parseSince } from './since.js';

export interface AuditListOptions {
  since: string | undefined;
  limit: number | undefined;
}

export function runAuditList(options: AuditListOptions, ctx: Pick<CommandContext, 'client'>): Promise<AuditEntry[]> {
  return ctx.client().listAudit(options);
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit must be a positive whole number, not ${text}`);
  return n;
}

export function registerAuditList(audit: Command, deps: Deps): void {
  audit
    .command('list')
    .description('audit entries, oldest first')
    .option('--since <when>', 'ISO-8601 time or a duration back from now (2h, 30m, 7d)')
    .option('--limit <n>', 'at most this many entries')
    .action(
      action(deps, async (ctx, options: { since?: string; limit?: string }) => {
        const entries = await runAuditList(
          {
            since: options.since === undefined ? undefined : parseSince(options.since, ctx.view.now),
            limit: options.limit === undefined ? undefined : parseLimit(options.limit),
          },
          ctx,
        );
        if (ctx.globals.json) ctx.printJson({ entries: entries.map(auditEntryJson) });
        else if (entries.length) ctx.print(renderAuditTable(entries, ctx.view));
        else ctx.info('no audit entries');
      }),
    );
}
