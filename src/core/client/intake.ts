// What sites and monitoring send the hub: alerts and flow telemetry.
import type { AlertmanagerIngestResult, SiteTelemetry } from '../model.js';
import type { HubConnection } from './connection.js';

export function intakeCalls(hub: HubConnection) {
  return {
    ingestAlertmanager: (payload: unknown): Promise<AlertmanagerIngestResult> => hub.request('POST', '/v1/ingest/alertmanager', payload),

    ingestTelemetry: (sites: SiteTelemetry[]): Promise<{ accepted: number }> => hub.request('POST', '/v1/ingest/telemetry', { sites }),
  };
}

export type IntakeCalls = ReturnType<typeof intakeCalls>;
