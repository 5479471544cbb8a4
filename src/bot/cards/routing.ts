// Which Slack channels an incident's card goes to: the channel of its site's
// region and the channel of its site's kind (both, when both are set — the
// Makkah desk and the sea-ports desk each see a Jeddah port incident), the
// default channel when neither is, and for platform incidents.
import type { Role, Severity, Site, SiteKind } from '../../core/model.js';
import { SEVERITIES } from '../../core/vocabulary.js';

export interface IncidentCardRouting {
  /** Channel id for incidents no other rule routes (and platform incidents). */
  defaultChannel: string;
  /** Region name (as the hub spells it: Riyadh, Makkah, Eastern …) → channel id. */
  regions?: Record<string, string> | undefined;
  /** Site kind → channel id. */
  kinds?: Partial<Record<SiteKind, string>> | undefined;
  /** Role → channel id: a playbook run waiting on an approval by that role is shown there too (its approvers' channel). */
  roles?: Partial<Record<Role, string>> | undefined;
}

export function channelsFor(routing: IncidentCardRouting, site: Site | undefined): string[] {
  const channels = new Set<string>();
  if (site) {
    const region = Object.entries(routing.regions ?? {}).find(([name]) => name.toLowerCase() === site.region.toLowerCase());
    if (region) channels.add(region[1]);
    const kind = routing.kinds?.[site.kind];
    if (kind) channels.add(kind);
  }
  if (channels.size === 0) channels.add(routing.defaultChannel);
  return [...channels];
}

/** sev1 is the most severe: "at or above sev2" means sev1 or sev2. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
