// Drills: the scorecards of ended drills (newest first) and one drill's.
import type { DrillScorecard, DrillSummary } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function drillCalls(hub: HubConnection) {
  return {
    listDrills: async (filter: { playbook?: string | undefined; limit?: number | undefined } = {}): Promise<DrillSummary[]> =>
      (await hub.request<{ drills: DrillSummary[] }>('GET', `/v1/drills${query(filter)}`)).drills,
    getDrill: async (runId: string): Promise<DrillScorecard> =>
      (await hub.request<{ scorecard: DrillScorecard }>('GET', `/v1/drills/${encodeURIComponent(runId)}`)).scorecard,
  };
}

export type DrillCalls = ReturnType<typeof drillCalls>;
