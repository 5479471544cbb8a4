// `audit list [--since ISO|duration] [--limit N]`
import { UsageError } from '../../core/errors.js';
import { sinceTime } from '../../core/time-input.js';
import { renderAuditTable } from '../../render/audit.js';
import { AUDIT_FIELDS, auditEntryJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit must be a positive whole number, not ${text}`);
  return n;
}

export const auditList = defineVerb({
  name: 'list',
  description: 'audit entries, oldest first',
  metadata: { examples: ['audit list --since 2h', 'audit list --limit 50', 'audit ls --since 7d --json seq,at,actor,action,target'] },
  configure(command) {
    command
      .option('--since <when>', 'ISO-8601 time or a duration back from now (2h, 30m, 7d)')
      .option('--limit <n>', 'at most this many entries');
  },
  input: (_args: [], options: { since?: string; limit?: string }) => ({ since: options.since, limit: options.limit }),
  async run(input, ctx) {
    const since = input.since === undefined ? undefined : sinceTime(input.since, ctx.deps.clock.now(), '--since');
    const limit = input.limit === undefined ? undefined : parseLimit(input.limit);
    return ctx.client().listAudit({ since, limit });
  },
  present: {
    text: (entries, view) => (entries.length ? renderAuditTable(entries, view) : ''),
    note: (entries) => (entries.length ? undefined : 'no audit entries'),
    json: (entries) => ({ entries: entries.map(auditEntryJson) }),
    jsonFields: { key: 'entries', fields: AUDIT_FIELDS },
  },
});
