// Playbooks, read side: the catalogue, one playbook, its versions, a file
// checked by the hub, and what an incident calls for; and auto-runs' switch.
import type { AutoRunChange, AutoRunSetting, PlaybookDetail, PlaybookHistory, PlaybookProposal, PlaybookSummary, PlaybookValidation } from '../model.js';
import { query, type HubConnection } from './connection.js';

const playbookPath = (id: string, tail = '') => `/v1/playbooks/${encodeURIComponent(id)}${tail}`;

export function playbookCalls(hub: HubConnection) {
  return {
    listPlaybooks: async (): Promise<PlaybookSummary[]> => (await hub.request<{ playbooks: PlaybookSummary[] }>('GET', '/v1/playbooks')).playbooks,

    getPlaybook: async (id: string): Promise<PlaybookDetail> => (await hub.request<{ playbook: PlaybookDetail }>('GET', playbookPath(id))).playbook,

    playbookHistory: (id: string): Promise<PlaybookHistory> => hub.request<PlaybookHistory>('GET', playbookPath(id, '/history')),

    /** The hub checks `yaml` by the loader's rules; `name` is how its errors name the file. */
    validatePlaybook: (yaml: string, name?: string): Promise<PlaybookValidation> =>
      hub.request<PlaybookValidation>('POST', `/v1/playbooks/validate${query({ name })}`, yaml, 'application/yaml'),

    incidentPlaybooks: async (incidentId: string): Promise<PlaybookProposal[]> =>
      (await hub.request<{ proposals: PlaybookProposal[] }>('GET', `/v1/incidents/${encodeURIComponent(incidentId)}/playbooks`)).proposals,

    autoRuns: async (): Promise<AutoRunSetting> => (await hub.request<{ setting: AutoRunSetting }>('GET', '/v1/auto-runs')).setting,

    setAutoRuns: (enabled: boolean): Promise<AutoRunChange> => hub.request<AutoRunChange>('PUT', '/v1/auto-runs', { enabled }),
  };
}

export type PlaybookCalls = ReturnType<typeof playbookCalls>;
