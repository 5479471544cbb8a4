// Auto-runs: whether the hub may start, on its own, a playbook marked
// `auto: true` whose triggers match a new incident. Off until an admin turns
// it on; the setting lives in the hub's store, so every hub over it agrees.
import { z } from 'zod';
import type { ActorRef } from './actors.js';

export interface AutoRunSetting {
  enabled: boolean;
  /** When and by whom it was last changed; null while it has never been (off by default). */
  changedAt: string | null;
  changedBy: ActorRef | null;
}

/** What changing the setting answers, and `playbook.auto` on the event stream carries. */
export interface AutoRunChange {
  setting: AutoRunSetting;
  /** False when it already was as asked. */
  changed: boolean;
}

export const SetAutoRunsInput = z.object({ enabled: z.boolean() }).strict();
export type SetAutoRunsInput = z.infer<typeof SetAutoRunsInput>;
