// Whether an incident is paged on its own or through the incident of its
// cause, and what a front end says about its group: one rule for every chat
// channel (Slack, Teams) and the terminal, so none of them pages a child or
// forgets to fold it.
import type { Incident } from './model.js';

/** A child is counted on its parent's card and paged through it, never on its own. */
export function pagedOnItsOwn(incident: Incident): boolean {
  return !incident.parentId;
}

/** Top-level incidents, each with its children (in the order given) folded under it; orphans whose parent is not in the list stand on their own. */
export function foldChildren(incidents: readonly Incident[]): { incident: Incident; children: Incident[] }[] {
  const ids = new Set(incidents.map((i) => i.id));
  const children = new Map<string, Incident[]>();
  for (const i of incidents) if (i.parentId && ids.has(i.parentId)) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  return incidents.filter((i) => !i.parentId || !ids.has(i.parentId)).map((incident) => ({ incident, children: children.get(incident.id) ?? [] }));
}
