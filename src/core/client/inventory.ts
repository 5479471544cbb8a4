// The inventory as code: what the hub holds, and a plan or an apply of files
// the caller read (the hub reads their text, so its errors name file and line).
import type { InventoryApplyResult, InventoryExport, InventoryFile, InventoryPlan } from '../model.js';
import type { HubConnection } from './connection.js';

export function inventoryCalls(hub: HubConnection) {
  return {
    exportInventory: (): Promise<InventoryExport> => hub.request<InventoryExport>('GET', '/v1/inventory'),

    planInventory: async (files: InventoryFile[]): Promise<InventoryPlan> =>
      (await hub.request<{ plan: InventoryPlan }>('POST', '/v1/inventory/plan', { files })).plan,

    applyInventory: (files: InventoryFile[], options: { force?: boolean } = {}): Promise<InventoryApplyResult> =>
      hub.request<InventoryApplyResult>('POST', '/v1/inventory/apply', { files, ...(options.force ? { force: true } : {}) }),
  };
}

export type InventoryCalls = ReturnType<typeof inventoryCalls>;
