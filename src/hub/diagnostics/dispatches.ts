// Closing a work order: the technician repaired the asset on site, so its
// incident is resolved with the technician's note. A supervisor, or whoever
// took on the incident, may close it.
import { ConflictError, ForbiddenError, NotFoundError } from '../../core/errors.js';
import type { Dispatch } from '../../core/model.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import { mayResolve } from '../incidents/decisions.js';
import { storeIncidentChange } from '../incidents/incident-writes.js';
import { isOpen } from '../incidents/state-machine.js';
import { transact } from '../transact.js';
import type { RecordDeps } from './record.js';

export function dispatchNotFound(id: string): NotFoundError {
  return new NotFoundError(`no dispatch ${id}`, { hint: 'list them with `watchfloor dispatch list`' });
}

export async function closeDispatch(deps: RecordDeps, caller: Caller, id: string, note: string): Promise<Dispatch> {
  return transact(deps, async (tx, emit) => {
    const dispatch = await tx.getDispatch(id);
    if (!dispatch) throw dispatchNotFound(id);
    if (dispatch.state === 'closed') {
      throw new ConflictError(`${dispatch.id} was already closed by ${dispatch.closedBy?.name ?? 'someone'} at ${dispatch.closedAt}`, {
        details: { closedBy: dispatch.closedBy, closedAt: dispatch.closedAt },
      });
    }
    const incident = await tx.getIncident(dispatch.incidentId);
    if (incident && !mayResolve(incident, caller)) {
      throw new ForbiddenError(`closing ${dispatch.id} needs the supervisor role, or to be assigned to ${incident.id}`, {
        hint: `ask a supervisor, or have ${incident.id} assigned to you`,
        details: { needed: 'supervisor', role: caller.actor.role },
      });
    }
    const at = deps.now().toISOString();
    const closed: Dispatch = { ...dispatch, state: 'closed', closedAt: at, closedBy: refOf(caller.actor), note };
    if (!(await tx.updateDispatch(closed, 'open'))) throw new ConflictError(`${dispatch.id} was closed by someone else at the same moment`);
    if (incident && isOpen(incident.state)) {
      const summary = `repaired on site (${dispatch.id}): ${note}`;
      await storeIncidentChange(
        tx,
        emit,
        caller,
        incident,
        { ...incident, state: 'resolved', resolvedBy: refOf(caller.actor), resolvedAt: at, summary },
        at,
        { kind: 'resolved', text: `resolved by ${caller.actor.name}: ${summary}` },
        { action: 'dispatch.close', detail: { dispatchId: dispatch.id, note } },
      );
    } else {
      await tx.appendAudit({
        at,
        actor: refOf(caller.actor),
        channel: caller.channel,
        action: 'dispatch.close',
        target: dispatch.id,
        detail: { note, ...callerDetail(caller) },
      });
    }
    return closed;
  });
}
