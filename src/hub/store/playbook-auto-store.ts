// Auto-runs in the store: the admin's switch, and the claims that keep an
// auto-run to one per incident and playbook — in the store, not in a hub's
// memory, so two hubs over one database start it once between them.
import type { ActorRef, AutoRunSetting } from '../../core/model.js';

export interface PlaybookAutoReader {
  /** The switch as stored; off, never changed, when no admin has touched it. */
  getAutoRunSetting(): Promise<AutoRunSetting>;
}

export interface PlaybookAutoWriter {
  setAutoRunSetting(setting: { enabled: boolean; changedAt: string; changedBy: ActorRef }): Promise<void>;
  /**
   * Records that `runId` is the auto-run of this playbook for this incident;
   * false (and nothing written) when there already is one.
   */
  claimAutoRun(claim: { incidentId: string; playbookId: string; runId: string; at: string }): Promise<boolean>;
  /** Whether this incident already had an auto-run of this playbook. */
  hasAutoRun(incidentId: string, playbookId: string): Promise<boolean>;
}
