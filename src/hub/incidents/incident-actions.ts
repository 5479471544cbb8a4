// Officer actions on incidents, each one transaction: load, decide, store.
import type { MutationResult } from '../../core/model.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { Incident, Severity } from '../../core/model.js';
import type { Caller } from '../caller.js';
import type { PlaybookCatalog } from '../playbooks/catalog.js';
import type { StoreWriter } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import { assigneeIdOf } from './assignee.js';
import { decideAck, decideAssign, decideEscalate, decideNote, decideResolve, type Decision } from './decisions.js';
import { draftIncident } from './draft.js';
import { storeIncidentChange, storeNewIncident } from './incident-writes.js';

/** Playbooks: the catalogue new incidents are proposed playbooks from (none: nothing is proposed). */
export type IncidentDeps = TransactDeps & { playbooks?: PlaybookCatalog | undefined };

export function incidentNotFound(id: string): NotFoundError {
  return new NotFoundError(`no incident ${id}`, { hint: 'list them with `watchfloor incidents list`' });
}

async function actOn(
  deps: IncidentDeps,
  caller: Caller,
  id: string,
  decide: (incident: Incident, at: string, tx: StoreWriter) => Decision | Promise<Decision>,
): Promise<MutationResult> {
  return transact(deps, async (tx, emit) => {
    const incident = await tx.getIncident(id);
    if (!incident) throw incidentNotFound(id);
    const at = deps.now().toISOString();
    const decision = await decide(incident, at, tx);
    if (!decision.changed) return { incident, changed: false };
    const stored = await storeIncidentChange(tx, emit, caller, incident, decision, at);
    return { incident: stored, changed: true };
  });
}

export const ackIncident = (deps: IncidentDeps, caller: Caller, id: string) =>
  actOn(deps, caller, id, (incident, at) => decideAck(incident, caller, at));

export const assignIncident = (deps: IncidentDeps, caller: Caller, id: string, to: string) =>
  actOn(deps, caller, id, async (incident, at, tx) => decideAssign(incident, caller, { name: to, id: await assigneeIdOf(tx, caller, to, new Date(at)) }));

export const noteIncident = (deps: IncidentDeps, caller: Caller, id: string, text: string) =>
  actOn(deps, caller, id, (incident) => decideNote(incident, text));

export const escalateIncident = (deps: IncidentDeps, caller: Caller, id: string, reason?: string) =>
  actOn(deps, caller, id, (incident) => decideEscalate(incident, reason));

export const resolveIncident = (deps: IncidentDeps, caller: Caller, id: string, summary: string) =>
  actOn(deps, caller, id, (incident, at) => decideResolve(incident, caller, { way: 'officer', summary }, at));

export interface NewManualIncident {
  title: string;
  severity: Severity;
  siteId?: string | undefined;
  assetId?: string | undefined;
}

/** Canonical site and asset ids for what the caller named, or a UsageError. */
async function placeOf(tx: StoreWriter, input: NewManualIncident): Promise<{ siteId: string | null; assetId: string | null }> {
  const asset = input.assetId === undefined ? undefined : await tx.getAsset(input.assetId);
  if (input.assetId !== undefined && !asset) {
    throw new UsageError(`no asset ${input.assetId}`, { hint: "a site's assets are listed by `watchfloor status <site>`" });
  }
  const site = input.siteId === undefined ? undefined : await tx.getSite(input.siteId);
  if (input.siteId !== undefined && !site) {
    throw new UsageError(`no site ${input.siteId}`, { hint: 'list them with `watchfloor sites list`' });
  }
  if (site && asset && asset.siteId !== site.id) {
    throw new UsageError(`asset ${asset.id} is not at site ${site.id}`);
  }
  return { siteId: site?.id ?? asset?.siteId ?? null, assetId: asset?.id ?? null };
}

export async function createIncident(deps: IncidentDeps, caller: Caller, input: NewManualIncident): Promise<MutationResult> {
  return transact(deps, async (tx, emit) => {
    const place = await placeOf(tx, input);
    const at = deps.now().toISOString();
    const incident = await storeNewIncident(
      tx,
      emit,
      caller,
      draftIncident({ ...input, ...place, source: 'manual', fingerprint: null, labels: {}, at }),
      { kind: 'triggered', text: `opened by ${caller.actor.name}: ${input.title}` },
      { action: 'incident.create', detail: { title: input.title, severity: input.severity, source: 'manual' } },
      deps.playbooks,
    );
    return { incident, changed: true };
  });
}
