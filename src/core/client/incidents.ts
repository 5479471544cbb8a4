// Incidents: the queue, one incident with its timeline, and the officer actions.
import type { Incident, IncidentDetail, IncidentState, MutationResult, Severity } from '../model.js';
import { query, type HubConnection } from './connection.js';

export interface IncidentFilter {
  state?: IncidentState | 'open' | undefined;
  site?: string | undefined;
  severity?: Severity | undefined;
  limit?: number | undefined;
  /** false: top-level incidents only (children folded under their parents). */
  children?: boolean | undefined;
  /** Only the children of this incident. */
  parent?: string | undefined;
}

const incidentPath = (id: string, action = '') => `/v1/incidents/${encodeURIComponent(id)}${action}`;

export function incidentCalls(hub: HubConnection) {
  return {
    listIncidents: async (filter: IncidentFilter = {}): Promise<Incident[]> =>
      (await hub.request<{ incidents: Incident[] }>('GET', `/v1/incidents${query(filter)}`)).incidents,

    getIncident: (id: string): Promise<IncidentDetail> => hub.request('GET', incidentPath(id)),

    createIncident: (input: { title: string; severity: Severity; siteId?: string; assetId?: string }): Promise<MutationResult> =>
      hub.request('POST', '/v1/incidents', input),

    ack: (id: string): Promise<MutationResult> => hub.request('POST', incidentPath(id, '/ack'), {}),

    assign: (id: string, to: string): Promise<MutationResult> => hub.request('POST', incidentPath(id, '/assign'), { to }),

    note: (id: string, text: string): Promise<MutationResult> => hub.request('POST', incidentPath(id, '/notes'), { text }),

    escalate: (id: string, reason?: string): Promise<MutationResult> =>
      hub.request('POST', incidentPath(id, '/escalate'), reason ? { reason } : {}),

    resolve: (id: string, summary: string): Promise<MutationResult> => hub.request('POST', incidentPath(id, '/resolve'), { summary }),
  };
}

export type IncidentCalls = ReturnType<typeof incidentCalls>;
