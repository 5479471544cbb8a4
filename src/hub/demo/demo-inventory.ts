// The demo fleet goes in the way a directorate's does: as an inventory file,
// planned and applied (one transaction, audited, nothing written when nothing
// changed). The file is built at each start from the world's fleet — the 103
// sites of the shared public data, their generated equipment and what it
// depends on, each asset pointed at its emulated device, whose port changes
// at every start — and written beside the data file (demo-inventory.json), so
// what the demo loaded can be read, diffed or applied to another hub. It is
// not checked in: it would be a 1 MiB copy of what src/sim derives.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { InventoryApplyResult, InventoryAsset, InventorySite } from '../../core/model.js';
import { SYSTEM } from '../caller.js';
import type { HubContext } from '../context.js';
import { applyFiles } from '../inventory/apply-inventory.js';
import type { DemoDevices, Fleet } from './demo-world.js';

export const DEMO_INVENTORY_FILE = 'demo-inventory.json';

export function demoInventory(fleet: Fleet, devices?: Pick<DemoDevices, 'managementUrlOf'>): { sites: InventorySite[]; assets: InventoryAsset[] } {
  const dependsOn = new Map<string, string[]>();
  for (const d of fleet.dependencies ?? []) dependsOn.set(d.asset, [...(dependsOn.get(d.asset) ?? []), d.dependsOn]);
  return {
    sites: fleet.sites.map((s) => ({ ...s })),
    assets: fleet.assets.map((a) => ({
      id: a.id,
      site: a.siteId,
      kind: a.kind,
      name: a.name,
      managementUrl: devices ? devices.managementUrlOf(a.id) : a.managementUrl,
      ...(dependsOn.has(a.id) ? { dependsOn: dependsOn.get(a.id)! } : {}),
    })),
  };
}

/** Writes the demo's inventory beside the data file and applies it as the hub itself; `force`: never (an open incident keeps its site). */
export async function applyDemoInventory(ctx: HubContext, dataFile: string, fleet: Fleet, devices?: DemoDevices): Promise<InventoryApplyResult> {
  const file = join(dirname(dataFile), DEMO_INVENTORY_FILE);
  const text = `${JSON.stringify(demoInventory(fleet, devices), null, 1)}\n`;
  writeFileSync(file, text);
  return applyFiles(ctx, SYSTEM, [{ name: file, text }], false);
}
