// Closing a work order: the technician repaired the asset on site, so its
// incident is resolved with the technician's note (the repaired way of
// decideResolve). A supervisor, or whoever took on the incident, may close it.
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { Dispatch } from '../../core/model.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import { decideResolve, resolutionRefusal, type Resolution } from '../incidents/decisions.js';
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
    const resolution: Resolution = { way: 'repaired', dispatchId: dispatch.id, note };
    // Closing the order is resolving its incident: the same rule, even once the incident was resolved otherwise.
    const refusal = incident && resolutionRefusal(incident, caller, resolution);
    if (refusal) throw refusal;
    const at = deps.now().toISOString();
    const closed: Dispatch = { ...dispatch, state: 'closed', closedAt: at, closedBy: refOf(caller.actor), note };
    if (!(await tx.updateDispatch(closed, 'open'))) throw new ConflictError(`${dispatch.id} was closed by someone else at the same moment`);
    if (incident && isOpen(incident.state)) {
      await storeIncidentChange(tx, emit, caller, incident, decideResolve(incident, caller, resolution, at), at);
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
