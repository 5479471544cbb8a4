// What happens to a parent when its children change, once per parent at the
// end of an intake transaction (not once per child: a storm of a hundred
// children is one update of the parent, one card edit). A parent that
// resolved lets go of the children still open — their own alerts are still
// firing, so each is a problem of its own now and is paged as one; a parent
// the hub opened closes once every child has; any other is brought up to
// date (its version moves, so its card shows the new count and severity).
import { SYSTEM } from '../caller.js';
import { decideResolve, resolutionRefusal, type Resolution } from './decisions.js';
import { releaseChildren, storeIncidentChange } from './incident-writes.js';
import type { IntakeStep } from './intake-step.js';
import { moreSevere } from './state-machine.js';

export async function settleParent(s: IntakeStep, parentId: string): Promise<void> {
  const parent = await s.tx.getIncident(parentId);
  if (!parent) return;
  if (parent.state === 'resolved') {
    await releaseChildren(s.tx, s.emit, s.caller, parent.id, s.at);
    return;
  }
  const openedByHub = parent.fingerprint === null && parent.grouping !== null;
  const resolution: Resolution = { way: 'alert-cleared', fingerprint: `grouped:${parent.id}` };
  const open = await s.tx.openChildSummary(parent.id);
  if (openedByHub && open.open === 0 && !resolutionRefusal(parent, s.caller, resolution)) {
    await storeIncidentChange(s.tx, s.emit, s.caller, parent, decideResolve(parent, s.caller, resolution, s.at), s.at, { childrenLater: true });
    return;
  }
  const severity = open.worst && moreSevere(open.worst, parent.severity) ? open.worst : parent.severity;
  const children = parent.childCount ?? 0;
  await storeIncidentChange(s.tx, s.emit, s.caller, parent, {
    incident: { ...parent, severity },
    timeline: { kind: 'alert-updated', text: `${children} incident${children === 1 ? '' : 's'} grouped under it, ${open.open} open`, as: SYSTEM },
    audit: { action: 'incident.group-update', detail: { children, open: open.open } },
  }, s.at);
}
