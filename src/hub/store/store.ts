// The hub's storage, as domain-level operations. Callers never see SQL, so a
// PostgreSQL store can replace SQLite without touching them. Every method is
// async even where SQLite is not, for the same reason. Each domain declares
// its reads and writes in a file of its own; this file composes them.
import type { AlertJournal, AlertJournalWriter } from './alert-journal-store.js';
import type { AuditReader, AuditWriter } from './audit-store.js';
import type { CardReader, CardWriter } from './card-store.js';
import type { CoordinationWriter } from './coordination-store.js';
import type { DiagnosticsReader, DiagnosticsWriter } from './diagnostics-store.js';
import type { DrillReader, DrillWriter } from './drill-store.js';
import type { FleetReader, FleetWriter } from './fleet-store.js';
import type { FlowHistoryReader, FlowHistoryWriter } from './flow-history-store.js';
import type { RecentReportReader, RecentReportWriter } from './recent-report-store.js';
import type { HandoverReader, HandoverWriter } from './handover-store.js';
import type { IncidentGroupReader, IncidentGroupWriter } from './incident-group-store.js';
import type { IncidentReader, IncidentWriter } from './incident-store.js';
import type { KpiReader, KpiWriter } from './kpi-store.js';
import type { OutboxReader, OutboxWriter } from './outbox-store.js';
import type { PlaybookAutoReader, PlaybookAutoWriter } from './playbook-auto-store.js';
import type { PlaybookVersionReader, PlaybookVersionWriter } from './playbook-version-store.js';
import type { PlaybookReader, PlaybookWriter } from './playbook-store.js';
import type { SilenceReader, SilenceWriter } from './silence-store.js';
import type { TelemetryReader, TelemetryWriter } from './telemetry-store.js';
import type { TokenReader, TokenWriter } from './token-store.js';

export type { AssetCount, AssetHealthUpdate, AssetQuery, SiteQuery } from './fleet-store.js';
export type { AssetHealthChange, CountedAsset, IncidentTimes, StoredSurveyAnswer } from './kpi-store.js';
export type { IncidentQuery, NewIncident, NewTimelineEntry } from './incident-store.js';
export type { WaitMinuteSample } from './telemetry-store.js';
export type { FlowHourQuery, FlowHourRecord } from './flow-history-store.js';
export type { TokenRecord } from './token-store.js';
export type { AuditHead, AuditQuery, AuditRecord, AuditRow } from './audit-store.js';
export type { DiagnosticRunRecord, DispatchQuery, NewDispatch, RemoteOutcome } from './diagnostics-store.js';
export type { ChatCardQuery } from './card-store.js';
export type { NewHubEvent } from './outbox-store.js';
export type { PlaybookVersionRecord } from './playbook-version-store.js';
export type { AlertJournal, JournalEntry, JournalOwner, NewJournalEntry } from './alert-journal-store.js';
export type { NewSilence, SilenceQuery, SilenceRecord } from './silence-store.js';
export type { DrillMark, DrillScoreQuery } from './drill-store.js';
export type { NewHandover } from './handover-store.js';
export type { ActionKeyClaim, ActionKeyState, LeaseRequest, RateSlot } from './coordination-store.js';
export type { AttemptPatch, NewRun, RunLeaseState, RunPatch, RunQuery, RunRecord, RunTimer, TimerKind } from './playbook-store.js';

export interface StoreReader
  extends FleetReader,
    IncidentReader,
    IncidentGroupReader,
    TelemetryReader,
    FlowHistoryReader,
    RecentReportReader,
    TokenReader,
    AuditReader,
    DiagnosticsReader,
    CardReader,
    OutboxReader,
    PlaybookVersionReader,
    PlaybookReader,
    PlaybookAutoReader,
    DrillReader,
    SilenceReader,
    KpiReader,
    HandoverReader {}

export interface StoreWriter
  extends StoreReader,
    FleetWriter,
    IncidentWriter,
    IncidentGroupWriter,
    TelemetryWriter,
    FlowHistoryWriter,
    RecentReportWriter,
    TokenWriter,
    AuditWriter,
    DiagnosticsWriter,
    CardWriter,
    OutboxWriter,
    CoordinationWriter,
    PlaybookVersionWriter,
    PlaybookWriter,
    PlaybookAutoWriter,
    DrillWriter,
    SilenceWriter,
    KpiWriter,
    HandoverWriter,
    AlertJournalWriter {}

export interface Store extends StoreReader, AlertJournal {
  /**
   * Runs `fn` as one transaction. Writers are serialised: no other request's
   * statements interleave with `fn`'s, even across its awaits.
   */
  transaction<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T>;
  /**
   * A single write outside a business transaction (e.g. a token's last use);
   * skipped when the storage cannot take writes now, so reads go on.
   */
  touchToken(id: string, at: string): Promise<void>;
  /**
   * Changes whenever a token may have been revoked since it was last read: a
   * revocation committed through this store, or any commit by another
   * connection to the same data (a second hub). Read without waiting for
   * writers, so a token verified before may be used again while it holds.
   */
  tokenRevision(): Promise<string>;
  /** Records when a hub started: a real write, so a start on storage that refuses writes fails at once. */
  recordStart(at: string): Promise<void>;
  /**
   * A consistent copy of the whole store in `file` (new, mode 0600), taken
   * between transactions: it holds every one committed before it began.
   */
  backupTo(file: string): Promise<void>;
  close(): Promise<void>;
}
