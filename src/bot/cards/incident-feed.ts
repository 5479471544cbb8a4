// What every chat platform's incident cards share, whatever draws them: follow
// the hub's events (resuming, catching up after a hub or bot restart), keep the
// newest version of each incident, and bring its cards up to it — a new card
// in each routed place for a live incident at or above the threshold, and the
// cards already out followed to the end. Posting, claiming and updating are
// card-posts.ts's; drawing is the platform's (`render`); other subjects
// (playbook runs, on Slack) join through the hooks.
import type { CoreClient } from '../../core/client.js';
import type { HubEvent, Incident, Severity, Site } from '../../core/model.js';
import { hubFailureReason } from '../hub-failures.js';
import { cardKey } from './card-claims.js';
import type { CardPosts } from './card-posts.js';
import { followHubEvents } from './follow-events.js';
import { pagedOnItsOwn } from '../../core/incident-groups.js';
import { atOrAbove, channelsFor, type IncidentCardRouting } from './routing.js';

export interface IncidentFeedOptions {
  client: CoreClient;
  posts: CardPosts;
  routing: IncidentCardRouting;
  minSeverity: Severity;
  /** The card for an incident and the playbooks the hub proposes for it: its fallback text and its body. */
  render(incident: Incident, proposals: string[]): { text: string; body: unknown[] };
  /** How many recent incidents a catch-up lists. */
  catchUpLimit: number;
  reconnectBackoffMs?: { min: number; max: number } | undefined;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Events that are not an incident's (playbook runs). */
  onOtherEvent?: (event: HubEvent) => void;
  /** What else a catch-up looks at, after the incidents. */
  catchUpMore?: () => Promise<void>;
  /** How long an alert's new incident waits before its first card (FIRST_CARD_WAIT_MS). */
  firstCardWaitMs?: number;
}

/**
 * An alert's incident is paged this long after the bot first sees it, not at once. One cause's alerts come
 * in many requests (16 senders in bench/storm.mjs), and the hub groups them once the third site reports
 * (alert-grouping.ts): the first two open as incidents of their own a moment before they become children,
 * and a card posted in that moment paged the officer twice for one cause. Alertmanager waits 30 s for the
 * same reason (group_wait); a page waits less. A parent the hub opened for a group is paged at once, and
 * so is an incident a person opened.
 */
export const FIRST_CARD_WAIT_MS = 2_000;

/** Whether the hub may still put this incident under a cause: one opened by an alert, not itself a group's parent. */
const mayYetBeGrouped = (incident: Incident): boolean => incident.source === 'alertmanager' && !incident.grouping && !incident.parentId;

export function incidentFeed(options: IncidentFeedOptions) {
  const { client, posts, log } = options;
  /** The newest version of each incident seen. */
  const latest = new Map<string, Incident>();
  /** When an alert's new incident may get its first card (its wait for grouping), until it has had it. */
  const firstCardAt = new Map<string, number>();
  const waitMs = options.firstCardWaitMs ?? FIRST_CARD_WAIT_MS;
  const waiting = new Map<string, NodeJS.Timeout>();
  options.signal.addEventListener('abort', () => {
    for (const timer of waiting.values()) clearTimeout(timer);
    waiting.clear();
  });

  /** Whether the incident's first card must wait for grouping yet; if so, it is synced again when the wait is over. */
  function stillWaiting(incident: Incident): boolean {
    const due = firstCardAt.get(incident.id);
    if (due === undefined || !mayYetBeGrouped(incident)) return false;
    const left = due - Date.now();
    if (left <= 0) return false;
    if (!waiting.has(incident.id)) {
      const timer = setTimeout(() => {
        waiting.delete(incident.id);
        posts.schedule(incident.id);
      }, left);
      waiting.set(incident.id, timer);
    }
    return true;
  }
  const sites = new Map<string, Site>();

  async function siteOf(siteId: string | null): Promise<Site | undefined> {
    if (!siteId) return undefined;
    if (!sites.has(siteId)) for (const s of await client.listSites()) sites.set(s.id, s);
    return sites.get(siteId);
  }

  /** Bring the incident's cards up to its newest version. */
  async function sync(incidentId: string): Promise<void> {
    const incident = latest.get(incidentId);
    if (!incident) return;
    const posted = posts.channelsOf(incidentId);
    // New cards only for live incidents at the threshold; cards already out follow the incident to the end.
    // New cards only for live incidents at the threshold, and never for a child: its parent's card counts it.
    // Cards already out (a child paged before its cause was known) follow the incident to the end.
    const wanted = incident.state !== 'resolved' && atOrAbove(incident.severity, options.minSeverity) && pagedOnItsOwn(incident);
    if (!wanted && posted.length === 0) {
      firstCardAt.delete(incidentId); // below the threshold or over: paged at once if it ever is
      return;
    }
    if (posted.length === 0 && stillWaiting(incident)) return;
    firstCardAt.delete(incidentId);
    const channels = wanted ? channelsFor(options.routing, await siteOf(incident.siteId)) : [];
    const stamp = String(incident.version);
    const behind = [...new Set([...posted, ...channels])].filter((c) => !posts.isCurrent(cardKey(incidentId, c), stamp));
    if (behind.length === 0) return;
    const card = options.render(incident, await proposalsOf(incident));
    for (const channel of behind) {
      await posts.sync(incident.id, channel, { key: cardKey(incident.id, channel), channel, text: card.text, blocks: card.body }, stamp);
    }
  }

  /** The playbooks the hub proposes for a live incident: its card offers to run them. */
  async function proposalsOf(incident: Incident): Promise<string[]> {
    if (incident.state === 'resolved') return [];
    try {
      return (await client.incidentPlaybooks(incident.id)).map((p) => p.playbook.id);
    } catch (e) {
      log(`incident cards: the playbooks of ${incident.id}: ${hubFailureReason(e)}`);
      return [];
    }
  }

  function seen(incident: Incident): void {
    const known = latest.get(incident.id);
    if (known && known.version >= incident.version) return;
    if (!known && waitMs > 0 && mayYetBeGrouped(incident)) firstCardAt.set(incident.id, Date.now() + waitMs);
    latest.set(incident.id, incident);
    posts.schedule(incident.id);
  }

  function onEvent(event: HubEvent): void {
    if (event.type === 'incident.created' || event.type === 'incident.updated') seen(event.data as Incident);
    else options.onOtherEvent?.(event);
  }

  // What no replay covers (a restarted hub, a restarted bot): the cards already
  // out, and the incidents as they stand now.
  async function catchUp(): Promise<void> {
    try {
      for (const card of await client.listCards()) posts.remember(card);
      const recent = await client.listIncidents({ limit: options.catchUpLimit });
      for (const incident of recent.reverse()) seen(incident);
      await options.catchUpMore?.();
    } catch (e) {
      log(`incident cards: catching up failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const following = followHubEvents(client, {
    signal: options.signal,
    minBackoffMs: options.reconnectBackoffMs?.min,
    maxBackoffMs: options.reconnectBackoffMs?.max,
    onEvent,
    onOpen: () => void catchUp(),
    onError: (e) => log(`incident cards: event stream: ${e instanceof Error ? e.message : String(e)}; reconnecting`),
  });

  return { sync, siteOf, following };
}
