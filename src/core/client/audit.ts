// The audit log: read it, have the hub check its chain (against checkpoints
// kept elsewhere too), and fetch its signed head to keep.
import type { AuditCheckpoint, AuditEntry, AuditVerification } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function auditCalls(hub: HubConnection) {
  return {
    listAudit: async (filter: { since?: string; limit?: number } = {}): Promise<AuditEntry[]> =>
      (await hub.request<{ entries: AuditEntry[] }>('GET', `/v1/audit${query(filter)}`)).entries,

    /** The hub checks its own checkpoints always; `checkpoints` adds copies kept elsewhere. */
    verifyAudit: (checkpoints?: readonly AuditCheckpoint[]): Promise<AuditVerification> =>
      checkpoints === undefined ? hub.request('GET', '/v1/audit/verify') : hub.request('POST', '/v1/audit/verify', { checkpoints }),

    auditCheckpoint: async (): Promise<AuditCheckpoint> =>
      (await hub.request<{ checkpoint: AuditCheckpoint }>('GET', '/v1/audit/checkpoint')).checkpoint,
  };
}

export type AuditCalls = ReturnType<typeof auditCalls>;
