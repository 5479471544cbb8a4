import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { registerAuditList } from './list.js';
import { registerAuditVerify } from './verify.js';

export function registerAudit(program: Command, deps: Deps): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  registerAuditList(audit, deps);
  registerAuditVerify(audit, deps);
}
