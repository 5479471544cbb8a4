// Silences and maintenance windows: list, add, expire or cancel, and the alerts a silence took.
import type { LabelMatcher, Silence, SilencedAlert } from '../model.js';
import { query, type HubConnection } from './connection.js';

export interface NewSilenceRequest {
  siteId?: string;
  assetId?: string;
  matchers?: LabelMatcher[];
  /** A span from the hub's now: 30m, 2h, 1d. */
  for: string;
  reason: string;
}

export function silenceCalls(hub: HubConnection) {
  const path = (kind: 'silences' | 'maintenance', all?: boolean) => `/v1/${kind}${query({ all: all ? 'true' : undefined })}`;
  return {
    /** In force (active or pending) unless `all`. */
    listSilences: async (options: { all?: boolean } = {}): Promise<Silence[]> =>
      (await hub.request<{ silences: Silence[] }>('GET', path('silences', options.all))).silences,

    addSilence: async (input: NewSilenceRequest): Promise<Silence> => (await hub.request<{ silence: Silence }>('POST', '/v1/silences', input)).silence,

    expireSilence: async (id: string): Promise<Silence> =>
      (await hub.request<{ silence: Silence }>('POST', `/v1/silences/${encodeURIComponent(id)}/expire`)).silence,

    /** One silence or maintenance window, with the alerts it took (newest first). */
    getSilence: (id: string): Promise<{ silence: Silence; alerts: SilencedAlert[] }> => hub.request('GET', `/v1/silences/${encodeURIComponent(id)}`),

    silencedAlerts: async (id: string): Promise<SilencedAlert[]> =>
      (await hub.request<{ alerts: SilencedAlert[] }>('GET', `/v1/silences/${encodeURIComponent(id)}/alerts`)).alerts,

    listMaintenance: async (options: { all?: boolean } = {}): Promise<Silence[]> =>
      (await hub.request<{ silences: Silence[] }>('GET', path('maintenance', options.all))).silences,

    addMaintenance: async (input: { siteId: string; from: string; until: string; reason: string }): Promise<Silence> =>
      (await hub.request<{ silence: Silence }>('POST', '/v1/maintenance', input)).silence,

    cancelMaintenance: async (id: string): Promise<Silence> =>
      (await hub.request<{ silence: Silence }>('POST', `/v1/maintenance/${encodeURIComponent(id)}/cancel`)).silence,
  };
}

export type SilenceCalls = ReturnType<typeof silenceCalls>;
