// The audit log: read it, and have the hub check its chain.
import type { AuditEntry, AuditVerification } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function auditCalls(hub: HubConnection) {
  return {
    listAudit: async (filter: { since?: string; limit?: number } = {}): Promise<AuditEntry[]> =>
      (await hub.request<{ entries: AuditEntry[] }>('GET', `/v1/audit${query(filter)}`)).entries,

    verifyAudit: (): Promise<AuditVerification> => hub.request('GET', '/v1/audit/verify'),
  };
}

export type AuditCalls = ReturnType<typeof auditCalls>;
