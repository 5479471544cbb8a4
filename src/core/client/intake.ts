// What sites and monitoring send the hub: alerts, flow telemetry and travellers' survey answers.
import type { AlertmanagerIngestResult, SiteTelemetry, SurveyAnswer } from '../model.js';
import type { HubConnection } from './connection.js';

export function intakeCalls(hub: HubConnection) {
  return {
    ingestAlertmanager: (payload: unknown): Promise<AlertmanagerIngestResult> => hub.request('POST', '/v1/ingest/alertmanager', payload),

    ingestTelemetry: (sites: SiteTelemetry[]): Promise<{ accepted: number }> => hub.request('POST', '/v1/ingest/telemetry', { sites }),

    /** Up to 1,000 answers a call, stored all or none (an unknown site refuses the batch). */
    postSurveyAnswers: (answers: SurveyAnswer[]): Promise<{ accepted: number }> => hub.request('POST', '/v1/surveys', { answers }),
  };
}

export type IntakeCalls = ReturnType<typeof intakeCalls>;
