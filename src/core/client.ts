// CoreClient: the one way every front end (CLI, terminal UI, chat bot) talks
// to the hub. It returns domain types and throws typed errors; it never
// prints. Each noun's calls live in client/<noun>.ts: a new noun is a new
// file there and one line here.
import { auditCalls, type AuditCalls } from './client/audit.js';
import { backupCalls, type BackupCalls } from './client/backup.js';
import { breachCalls, type BreachCalls } from './client/breaches.js';
import { cardCalls, type CardCalls } from './client/cards.js';
import { HubConnection, type CoreClientOptions } from './client/connection.js';
import { diagnosticCalls, type DiagnosticCalls } from './client/diagnostics.js';
import { dispatchCalls, type DispatchCalls } from './client/dispatches.js';
import { drillCalls, type DrillCalls } from './client/drills.js';
import { eventCalls, type EventCalls } from './client/events.js';
import { handoverCalls, type HandoverCalls } from './client/handovers.js';
import { forecastCalls, type ForecastCalls } from './client/forecast.js';
import { incidentCalls, type IncidentCalls } from './client/incidents.js';
import { intakeCalls, type IntakeCalls } from './client/intake.js';
import { inventoryCalls, type InventoryCalls } from './client/inventory.js';
import { kpiCalls, type KpiCalls } from './client/kpi.js';
import { playbookCalls, type PlaybookCalls } from './client/playbooks.js';
import { playbookRunCalls, type PlaybookRunCalls } from './client/playbook-runs.js';
import { silenceCalls, type SilenceCalls } from './client/silences.js';
import { siteCalls, type SiteCalls } from './client/sites.js';
import { tokenCalls, type TokenCalls } from './client/tokens.js';

export type { CoreClientOptions } from './client/connection.js';
export type { EventStreamOptions } from './client/events.js';
export type { IncidentFilter } from './client/incidents.js';
export type { RunFilter, RunUpdate } from './client/playbook-runs.js';
export type { SiteFilter } from './client/sites.js';
export type { NewSilenceRequest } from './client/silences.js';

// The calls of every noun, as methods of the client (declaration merging with the class below).
export interface CoreClient
  extends SiteCalls, IncidentCalls, IntakeCalls, TokenCalls, AuditCalls, DiagnosticCalls, DispatchCalls, KpiCalls, CardCalls, EventCalls,
    PlaybookCalls, PlaybookRunCalls, InventoryCalls, DrillCalls, BackupCalls, SilenceCalls, HandoverCalls, ForecastCalls, BreachCalls {}

export class CoreClient {
  readonly hubUrl: string;
  private readonly hub: HubConnection;

  constructor(options: CoreClientOptions) {
    this.hub = new HubConnection(options);
    this.hubUrl = this.hub.hubUrl;
    Object.assign(
      this,
      siteCalls(this.hub, options.siteAssets),
      incidentCalls(this.hub),
      intakeCalls(this.hub),
      tokenCalls(this.hub),
      auditCalls(this.hub),
      diagnosticCalls(this.hub),
      dispatchCalls(this.hub),
      kpiCalls(this.hub),
      cardCalls(this.hub),
      eventCalls(this.hub),
      playbookCalls(this.hub),
      playbookRunCalls(this.hub),
      inventoryCalls(this.hub),
      drillCalls(this.hub),
      backupCalls(this.hub),
      silenceCalls(this.hub),
      handoverCalls(this.hub),
      forecastCalls(this.hub),
      breachCalls(this.hub),
    );
  }

  /** Close the keep-alive connections so the process can exit promptly. */
  close(): Promise<void> {
    return this.hub.close();
  }
}
