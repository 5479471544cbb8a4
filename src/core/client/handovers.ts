// Shift handovers: issue one, accept one (the latest waiting when no id is
// given), read one or the list.
import type { Handover, HandoverSummary } from '../model.js';
import type { HubConnection } from './connection.js';

/** The latest handover when no id is given: the hub reads `latest` as that. */
const handoverPath = (id: string | undefined, action = '') => `/v1/handovers/${encodeURIComponent(id ?? 'latest')}${action}`;

export function handoverCalls(hub: HubConnection) {
  return {
    /** `shift`: a span back from the hub's now (default 8h); `post`: a chat channel the chat bot posts it to. */
    issueHandover: async (input: { shift?: string | undefined; post?: string | undefined } = {}): Promise<Handover> =>
      (await hub.request<{ handover: Handover }>('POST', '/v1/handovers', input)).handover,

    acceptHandover: async (id?: string): Promise<Handover> => (await hub.request<{ handover: Handover }>('POST', handoverPath(id, '/accept'), {})).handover,

    getHandover: async (id?: string): Promise<Handover> => (await hub.request<{ handover: Handover }>('GET', handoverPath(id))).handover,

    /** Newest first. */
    listHandovers: async (): Promise<HandoverSummary[]> => (await hub.request<{ handovers: HandoverSummary[] }>('GET', '/v1/handovers')).handovers,
  };
}

export type HandoverCalls = ReturnType<typeof handoverCalls>;
