// Planning and applying an inventory: its files read and checked against what
// the hub holds, the plan computed, and — for apply — written in one store
// transaction with one audit row that sums it up. An apply that would change
// nothing writes nothing, not even the audit row; one that would remove a site
// or an asset with open incidents is refused unless forced.
import { ConflictError, UsageError } from '../../core/errors.js';
import type { InventoryApplyResult, InventoryDocument, InventoryFile, InventoryPlan } from '../../core/model.js';
import { formatPlaybookError } from '../../core/playbook-file-errors.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { StoreReader, StoreWriter } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import { parseInventoryFiles } from './parse-inventory.js';
import { planInventory, type PlannedChange } from './plan-inventory.js';

/** The files as one document, or a usage error carrying every problem (details.errors) with its file, line and field. */
export async function readInventory(store: StoreReader, files: readonly InventoryFile[]): Promise<InventoryDocument> {
  const hubSites = new Set((await store.listSites()).map((s) => s.id.toUpperCase()));
  const { document, errors } = parseInventoryFiles(files, hubSites);
  if (document) return document;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new UsageError(`${formatPlaybookError(errors[0]!)}${more}`, {
    hint: 'fix the file and run `watchfloor inventory plan` again; it lists every problem',
    details: { errors },
  });
}

/** A dry run of apply: the same reading, the same plan, nothing written. */
export async function planFiles(store: StoreReader, files: readonly InventoryFile[]): Promise<InventoryPlan> {
  return (await planInventory(store, await readInventory(store, files))).plan;
}

function refuseRemovals(plan: InventoryPlan): void {
  const blocked = [...plan.sites.remove.map((r) => ({ ...r, kind: 'site' })), ...plan.assets.remove.map((r) => ({ ...r, kind: 'asset' }))]
    .filter((r) => r.openIncidents.length > 0);
  if (blocked.length === 0) return;
  const first = blocked[0]!;
  const others = blocked.length > 1 ? ` (and ${blocked.length - 1} more with open incidents)` : '';
  throw new ConflictError(`removing ${first.kind} ${first.id} would orphan open incidents ${first.openIncidents.join(', ')}${others}`, {
    hint: 'resolve them first, or apply with --force (the incidents stay open and keep naming what is gone)',
    details: { blocked: blocked.map(({ kind, id, openIncidents }) => ({ kind, id, openIncidents })) },
  });
}

async function write(tx: StoreWriter, document: InventoryDocument, { plan, write }: PlannedChange): Promise<void> {
  await tx.removeDependencies(plan.dependencies.remove);
  await tx.removeAssets(plan.assets.remove.map((r) => r.id));
  await tx.removeSites(plan.sites.remove.map((r) => r.id));
  await tx.upsertSites(write.sites);
  // Health is the hub's reading of the device, not the file's: a new asset starts ok, a kept one keeps its own.
  await tx.upsertAssets(write.assets.map((a) => ({ ...a, health: 'ok' })));
  await tx.addDependencies(plan.dependencies.add);
  if (plan.alertLabels && document.alertLabels) await tx.setAlertLabels(document.alertLabels);
}

const counts = (plan: InventoryPlan) => ({
  sites: { add: plan.sites.add.length, change: plan.sites.change.length, remove: plan.sites.remove.length },
  assets: { add: plan.assets.add.length, change: plan.assets.change.length, remove: plan.assets.remove.length },
  dependencies: { add: plan.dependencies.add.length, remove: plan.dependencies.remove.length },
  alertLabels: plan.alertLabels !== null,
});

export interface ApplyOptions {
  force?: boolean;
  /** The names of the files applied, for the audit row. */
  files: string[];
}

export async function applyDocument(deps: TransactDeps, caller: Caller, document: InventoryDocument, options: ApplyOptions): Promise<InventoryApplyResult> {
  return transact(deps, async (tx) => {
    const planned = await planInventory(tx, document);
    if (!planned.plan.changes) return { plan: planned.plan, applied: false };
    if (!options.force) refuseRemovals(planned.plan);
    await write(tx, document, planned);
    const orphaned = [...planned.plan.sites.remove, ...planned.plan.assets.remove].flatMap((r) => r.openIncidents);
    await tx.appendAudit({
      at: deps.now().toISOString(),
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: 'inventory.apply',
      target: null,
      detail: {
        files: options.files,
        ...counts(planned.plan),
        removedSites: planned.plan.sites.remove.map((r) => r.id),
        ...(options.force && orphaned.length ? { forced: true, openIncidents: [...new Set(orphaned)].sort() } : {}),
        ...callerDetail(caller),
      },
    });
    return { plan: planned.plan, applied: true };
  });
}

export async function applyFiles(deps: TransactDeps, caller: Caller, files: readonly InventoryFile[], force: boolean): Promise<InventoryApplyResult> {
  // Read outside the write transaction (parsing a large file must not hold the write lock); the plan is made again inside it.
  const document = await readInventory(deps.store, files);
  return applyDocument(deps, caller, document, { force, files: files.map((f) => f.name) });
}
