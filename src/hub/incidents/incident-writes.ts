// The one way an incident is stored or changed: the row, its timeline entry,
// the audit row and the asset's health move together in the caller's
// transaction, and the event goes out after commit. A new incident also
// proposes the playbooks its triggers match, and starts the auto ones, in the same transaction.
import { ConflictError } from '../../core/errors.js';
import type { Incident, TimelineKind } from '../../core/model.js';
import { callerDetail, refOf, SYSTEM, type Caller } from '../caller.js';
import type { PlaybookCatalog } from '../playbooks/catalog.js';
import { startAutoRuns } from '../playbooks/auto-runs.js';
import { proposeOnOpen } from '../playbooks/proposals.js';
import type { NewIncident, StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';
import { syncAssetHealth } from './asset-health.js';

export interface TimelineNote {
  kind: TimelineKind;
  text: string;
  /** Who the timeline shows; defaults to the caller (alert automation shows `system`). */
  as?: Caller;
}

export interface AuditNote {
  action: string;
  detail?: Record<string, unknown>;
}

/** An incident as it is to become, and what the timeline and the audit log say about it. */
export interface IncidentChange {
  incident: Incident;
  timeline: TimelineNote;
  audit: AuditNote;
}

async function record(
  tx: StoreWriter,
  caller: Caller,
  incident: Incident,
  at: string,
  timeline: TimelineNote,
  audit: AuditNote,
): Promise<void> {
  const shown = timeline.as ?? caller;
  await tx.appendTimeline({
    incidentId: incident.id,
    at,
    kind: timeline.kind,
    actor: refOf(shown.actor),
    channel: shown.channel,
    text: timeline.text,
  });
  await tx.appendAudit({
    at,
    actor: refOf(caller.actor),
    channel: caller.channel,
    action: audit.action,
    target: incident.id,
    detail: { ...audit.detail, ...callerDetail(caller) },
  });
}

export async function storeNewIncident(
  tx: StoreWriter,
  emit: Emit,
  caller: Caller,
  draft: NewIncident,
  timeline: TimelineNote,
  audit: AuditNote,
  playbooks: PlaybookCatalog | undefined,
): Promise<Incident> {
  const incident = await tx.insertIncident(draft);
  await record(tx, caller, incident, draft.createdAt, timeline, audit);
  // The incident first, then what it did to the asset: subscribers see cause before effect.
  emit('incident.created', incident);
  if (incident.assetId) await syncAssetHealth(tx, incident.assetId, draft.createdAt, emit);
  if (playbooks) await startAutoRuns(tx, emit, playbooks, incident, await proposeOnOpen(tx, emit, playbooks, incident));
  return incident;
}

export interface ChangeOptions {
  /**
   * The intake lets go of a resolved parent's children at the end of its
   * transaction (incident-children.ts), once the children resolved in the same
   * delivery have closed; every other way lets go at once.
   */
  childrenLater?: boolean;
}

/**
 * A parent that resolved lets go of its children still open: their own alerts
 * still fire, so each stands on its own (and is paged) now. Here, in the one
 * write path, so every way an incident resolves — an officer, a remote fix, a
 * repair, its alert — treats the children alike.
 */
export async function releaseChildren(tx: StoreWriter, emit: Emit, caller: Caller, parentId: string, at: string): Promise<void> {
  for (const child of await tx.openChildrenOf(parentId)) {
    await storeIncidentChange(tx, emit, caller, child, {
      incident: { ...child, parentId: null, grouping: null },
      timeline: { kind: 'alert-updated', text: `its cause ${parentId} resolved while this one is still open: it stands on its own now`, as: SYSTEM },
      audit: { action: 'incident.ungroup', detail: { parentId } },
    }, at);
  }
}

/** Compare-and-set from `before` to `change.incident`; a lost race is a conflict. */
export async function storeIncidentChange(
  tx: StoreWriter,
  emit: Emit,
  caller: Caller,
  before: Incident,
  change: IncidentChange,
  at: string,
  options: ChangeOptions = {},
): Promise<Incident> {
  const next: Incident = { ...change.incident, updatedAt: at, version: before.version + 1 };
  if (!(await tx.updateIncident(next, before.version, before))) {
    throw new ConflictError(`${before.id} was changed by someone else at the same moment`, {
      hint: 'look at it again (`watchfloor incidents show`) and retry if it still needs doing',
      details: { incidentId: before.id },
    });
  }
  await record(tx, caller, next, at, change.timeline, change.audit);
  emit('incident.updated', next);
  const assets = new Set([before.assetId, next.assetId].filter((a): a is string => a !== null));
  for (const assetId of assets) await syncAssetHealth(tx, assetId, at, emit);
  const resolvedNow = before.state !== 'resolved' && next.state === 'resolved';
  if (resolvedNow && (before.childCount ?? 1) > 0 && !options.childrenLater) await releaseChildren(tx, emit, caller, next.id, at);
  return next;
}
