// The idempotency key a step attempt's effect carries to a device: derived
// from the run, the step and the attempt alone, so the same attempt run again
// after a crash sends the same key (and the device replays what it did), and
// a new attempt (a retry) sends a new one.
import { createHash } from 'node:crypto';

export function stepIdempotencyKey(runId: string, stepId: string, attempt: number): string {
  const digest = createHash('sha256').update(JSON.stringify(['playbook', runId.toUpperCase(), stepId, attempt])).digest('base64url').slice(0, 32);
  return `wf-pb-${attempt}-${digest}`;
}
