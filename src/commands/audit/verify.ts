// `audit verify`: walk the hash chain; exit 1 at the first broken entry.
import type { Command } from 'commander';
import { CheckFailedError } from '../../core/errors.js';
import type { AuditVerification } from '../../core/model.js';
import { auditVerificationJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export function runAuditVerify(ctx: Pick<CommandContext, 'client'>): Promise<AuditVerification> {
  return ctx.client().verifyAudit();
}

export function registerAuditVerify(audit: Command, deps: Deps): void {
  audit
    .command('verify')
    .description('check the audit log has not been altered')
    .action(
      action(deps, async (ctx) => {
        const result = await runAuditVerify(ctx);
        // With --json the verification is the data, broken or not; the error follows on stderr.
        if (ctx.globals.json) ctx.printJson(auditVerificationJson(result));
        if (!result.ok) {
          const broken = result.firstBroken;
          throw new CheckFailedError(
            broken ? `audit chain broken at seq ${broken.seq}: ${broken.reason}` : 'audit chain is broken',
            { hint: 'the log was altered outside the hub; keep a copy of the data file as evidence', details: { firstBroken: broken, checked: result.checked } },
          );
        }
        if (!ctx.globals.json) ctx.print(`audit chain intact: ${result.checked} entries`);
      }),
    );
}
