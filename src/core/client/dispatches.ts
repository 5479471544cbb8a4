// Work orders for technicians.
import type { Dispatch, DispatchState } from '../model.js';
import { query, type HubConnection } from './connection.js';

const dispatchPath = (id: string, action = '') => `/v1/dispatches/${encodeURIComponent(id)}${action}`;

export function dispatchCalls(hub: HubConnection) {
  return {
    listDispatches: async (filter: { state?: DispatchState | undefined; site?: string | undefined } = {}): Promise<Dispatch[]> =>
      (await hub.request<{ dispatches: Dispatch[] }>('GET', `/v1/dispatches${query(filter)}`)).dispatches,

    getDispatch: async (id: string): Promise<Dispatch> => (await hub.request<{ dispatch: Dispatch }>('GET', dispatchPath(id))).dispatch,

    closeDispatch: async (id: string, note: string): Promise<Dispatch> =>
      (await hub.request<{ dispatch: Dispatch }>('POST', dispatchPath(id, '/close'), { note })).dispatch,
  };
}

export type DispatchCalls = ReturnType<typeof dispatchCalls>;
