// Remote diagnostics in the store: finished runs (for the remote-resolution
// KPI) and the work orders for technicians.
import type { ActorRef, Channel, DiagAction, DiagVerdict, Dispatch, DispatchState, Finding } from '../../core/model.js';

/** A finished diagnostic run, as kept for the remote-resolution KPI. */
export interface DiagnosticRunRecord {
  id: string;
  incidentId: string | null;
  siteId: string | null;
  assetId: string;
  actor: ActorRef;
  channel: Channel;
  fix: boolean;
  verdict: DiagVerdict;
  findings: Finding[];
  actions: DiagAction[];
  startedAt: string;
  finishedAt: string;
}

export interface DispatchQuery {
  state?: DispatchState | undefined;
  siteId?: string | undefined;
  incidentId?: string | undefined;
  limit?: number | undefined;
}

/** A work order as first stored; the store assigns the DSP-nnnnnn id. */
export type NewDispatch = Omit<Dispatch, 'id'>;

/** A device incident opened in a window, with the remote verdicts given on it. */
export interface RemoteOutcome {
  incidentId: string;
  siteId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Runs with a final verdict on this incident, oldest first. */
  verdicts: { verdict: DiagVerdict; at: string }[];
  dispatchedAt: string | null;
}

export interface DiagnosticsReader {
  /** Newest first. */
  listDispatches(query?: DispatchQuery): Promise<Dispatch[]>;
  /** Matched case-insensitively. */
  getDispatch(id: string): Promise<Dispatch | undefined>;
  /** Device incidents (with an asset) opened in [since, until], with their remote verdicts. */
  listRemoteOutcomes(since: string, until: string): Promise<RemoteOutcome[]>;
}

export interface DiagnosticsWriter {
  insertDiagnosticRun(run: DiagnosticRunRecord): Promise<void>;
  /** Allocates the next DSP-nnnnnn id. */
  insertDispatch(dispatch: NewDispatch): Promise<Dispatch>;
  /** Compare-and-set on state: false if it was no longer `expectedState`. */
  updateDispatch(dispatch: Dispatch, expectedState: DispatchState): Promise<boolean>;
}
