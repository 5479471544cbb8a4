// Idempotency keys for device actions. The same intent — the same scope
// (request, incident or run), asset, action and attempt — always gets the same
// key, so a retried request or a retry after a dropped answer never acts twice.
import { createHash } from 'node:crypto';

export interface ActionIntent {
  /** A caller's requestId, else the incident id, else the run id. */
  scope: string;
  assetId: string;
  action: string;
  /** 1 for the first time this action is tried in this scope. */
  attempt: number;
}

export function idempotencyKey(intent: ActionIntent): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([intent.scope, intent.assetId.toLowerCase(), intent.action, intent.attempt]))
    .digest('base64url')
    .slice(0, 32);
  return `wf-${intent.action}-${intent.attempt}-${digest}`;
}
