// Every domain's SQLite statements over one connection, as one object with
// the StoreWriter's methods (synchronous, as better-sqlite3 is). SqliteStore
// wraps them in promises and the mutex.
import type Database from 'better-sqlite3';
import type { StoreWriter } from '../store.js';
import { alertJournalStatements } from './alert-journal-statements.js';
import { auditStatements, type AuditHeadScope } from './audit-statements.js';
import { cardStatements } from './card-statements.js';
import { coordinationStatements } from './coordination-statements.js';
import { diagnosticsStatements } from './diagnostics-statements.js';
import { drillStatements } from './drill-statements.js';
import { fleetStatements } from './fleet-statements.js';
import { cachedFlowHistory } from './flow-hour-cache.js';
import { handoverStatements } from './handover-statements.js';
import { incidentGroupStatements } from './incident-group-statements.js';
import { incidentStatements } from './incident-statements.js';
import { kpiStatements } from './kpi-statements.js';
import { outboxStatements } from './outbox-statements.js';
import { playbookAutoStatements } from './playbook-auto-statements.js';
import { playbookVersionStatements } from './playbook-version-statements.js';
import { playbookStatements } from './playbook-statements.js';
import { recentReportStatements } from './recent-report-statements.js';
import { statementCache, type Synchronous } from './prepare.js';
import { silenceStatements } from './silence-statements.js';
import { telemetryStatements } from './telemetry-statements.js';
import { tokenStatements } from './token-statements.js';

export type SqliteOperations = Synchronous<StoreWriter>;

/** The operations, and what the store's transaction tells them of where one begins and ends. */
export function sqliteOperationsInScope(db: Database.Database): { ops: SqliteOperations; transactionScope: AuditHeadScope } {
  const sql = statementCache(db);
  const audit = auditStatements(sql);
  const flow = cachedFlowHistory(sql);
  const recent = recentReportStatements();
  const ops: SqliteOperations = {
    ...fleetStatements(sql),
    ...incidentStatements(sql),
    ...incidentGroupStatements(sql),
    ...telemetryStatements(sql),
    ...flow.statements,
    ...recent.statements,
    ...tokenStatements(sql),
    ...audit.statements,
    ...diagnosticsStatements(sql),
    ...cardStatements(sql),
    ...outboxStatements(sql),
    ...coordinationStatements(sql),
    ...playbookVersionStatements(sql),
    ...playbookStatements(sql),
    ...playbookAutoStatements(sql),
    ...drillStatements(sql),
    ...silenceStatements(sql),
    ...kpiStatements(sql),
    ...handoverStatements(sql),
    ...alertJournalStatements(sql),
  };
  // Each told in this order (the audit head is written before the cache learns the transaction's revisions); all before COMMIT.
  const scopes: readonly AuditHeadScope[] = [audit.scope, flow.scope, recent.scope];
  const transactionScope: AuditHeadScope = {
    begin: () => scopes.forEach((s) => s.begin()),
    flush: () => scopes.forEach((s) => s.flush()),
    discard: () => scopes.forEach((s) => s.discard()),
  };
  return { ops, transactionScope };
}

/** The operations used bare, outside the store's transactions (each write stands alone). */
export const sqliteOperations = (db: Database.Database): SqliteOperations => sqliteOperationsInScope(db).ops;
