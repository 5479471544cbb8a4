// A free-text question answered: only ever reads. A clear question runs the
// CLI command it stands for (or one read the CLI has no verb for, like the
// wait); an unclear one gets up to three choices to press, never a guess.
import type { FleetStatus, Site } from '../../core/model.js';
import { isWatchfloorError } from '../../core/errors.js';
import { worstFirst } from '../../commands/status/order.js';
import { labelsFor, type Lang } from '../../render/labels.js';
import { typedErrorReply } from '../chat-error.js';
import { commandReply } from '../command-reply.js';
import { messagesFor } from '../messages.js';
import type { BotReply, ReplyAction } from '../reply.js';
import { clientFor, type ChatSession } from '../session.js';
import { readIntent, type Intent } from './intent.js';
import type { IntentKind } from './words.js';

const MAX_CHOICES = 3;

/** The chat text each choice runs: a CLI command where there is one. */
export function intentCommand(kind: IntentKind, siteId: string): string {
  switch (kind) {
    case 'status':
      return `status ${siteId}`;
    case 'incidents':
      return `incidents list --site ${siteId}`;
    case 'wait':
      return `wait ${siteId}`;
  }
}

export async function intentReply(text: string, session: ChatSession, lang: Lang): Promise<BotReply> {
  const client = clientFor(session);
  try {
    const sites = await client.listSites();
    const intent = readIntent(text, sites);
    return await replyTo(intent, text, session, lang, sites);
  } catch (e) {
    if (isWatchfloorError(e)) return typedErrorReply(e);
    throw e;
  } finally {
    await client.close();
  }
}

async function replyTo(intent: Intent, text: string, session: ChatSession, lang: Lang, sites: Site[]): Promise<BotReply> {
  const m = messagesFor(lang);
  const { kind, place } = intent;
  if (!kind) {
    if (place.kind === 'site') return choose(text, (['status', 'wait', 'incidents'] as const).map((k) => choice(k, place.site, lang)));
    if (place.kind === 'ambiguous') return choose(text, place.sites.map((s) => choice('status', s, lang)));
    return choose(text, generalChoices(lang));
  }
  switch (place.kind) {
    case 'fleet':
      if (kind === 'wait') return choose(text, busiest(sites, await fleetStatusOf(session), lang));
      return commandReply(kind === 'status' ? ['status'] : ['incidents', 'list'], session, lang);
    case 'site':
      if (kind === 'wait') return waitReply(place.site, session);
      return commandReply(intentCommand(kind, place.site.id).split(' '), session, lang);
    case 'region':
      if (kind === 'incidents') return regionIncidents(place.region, place.sites, session, lang);
      if (kind === 'status') return { kind: 'fleet', status: regionStatus(await fleetStatusOf(session), place.sites) };
      return choose(text, place.sites.map((s) => choice(kind, s, lang)));
    case 'ambiguous':
      return choose(text, place.sites.map((s) => choice(kind, s, lang)));
    case 'none':
      return { kind: 'error', message: m.noSiteMatches(intent.placeText), hint: '`watchfloor sites list`', exitCode: 4 };
  }
}

function choose(question: string, choices: ReplyAction[]): BotReply {
  return { kind: 'did-you-mean', question, choices: choices.slice(0, MAX_CHOICES) };
}

function choice(kind: IntentKind, site: Site, lang: Lang): ReplyAction {
  const m = messagesFor(lang);
  const name = `${site.id} ${labelsFor(lang).siteName(site.name)}`;
  const label = kind === 'status' ? m.statusOf(name) : kind === 'wait' ? m.waitAt(name) : m.incidentsAt(name);
  return { id: 'run', label, value: intentCommand(kind, site.id) };
}

function generalChoices(lang: Lang): ReplyAction[] {
  const m = messagesFor(lang);
  return [
    { id: 'run', label: m.fleetStatus, value: 'status' },
    { id: 'run', label: m.allOpenIncidents, value: 'incidents list' },
    { id: 'run', label: m.help, value: 'help' },
  ];
}

async function fleetStatusOf(session: ChatSession): Promise<FleetStatus> {
  const client = clientFor(session);
  try {
    return await client.fleetStatus();
  } finally {
    await client.close();
  }
}

// "What's the wait" with no place: the longest waits are the ones to offer.
function busiest(sites: Site[], fleet: FleetStatus, lang: Lang): ReplyAction[] {
  const byId = new Map(sites.map((s) => [s.id, s]));
  return [...fleet.sites]
    .sort((a, b) => (b.waitMinutes ?? -1) - (a.waitMinutes ?? -1))
    .map((s) => byId.get(s.id))
    .filter((s): s is Site => Boolean(s))
    .map((s) => choice('wait', s, lang));
}

async function waitReply(site: Site, session: ChatSession): Promise<BotReply> {
  const client = clientFor(session);
  try {
    const detail = await client.getSite(site.id);
    return { kind: 'wait', site: detail.site, waitMinutes: detail.status.waitMinutes, queueLength: detail.status.queueLength };
  } finally {
    await client.close();
  }
}

async function regionIncidents(region: string, sites: Site[], session: ChatSession, lang: Lang): Promise<BotReply> {
  const client = clientFor(session);
  try {
    const ids = new Set(sites.map((s) => s.id));
    const open = await client.listIncidents({ state: 'open' });
    return { kind: 'incidents', incidents: open.filter((i) => i.siteId !== null && ids.has(i.siteId)), heading: messagesFor(lang).openIncidents(labelsFor(lang).region(region)) };
  } finally {
    await client.close();
  }
}

/** The fleet status of one region's sites, with its totals counted again. */
export function regionStatus(fleet: FleetStatus, sites: readonly Site[]): FleetStatus {
  const ids = new Set(sites.map((s) => s.id));
  const mine = fleet.sites.filter((s) => ids.has(s.id)).sort(worstFirst);
  const count = (h: 'ok' | 'degraded' | 'down') => mine.filter((s) => s.health === h).length;
  const sum = (k: 'sev1' | 'sev2' | 'sev3' | 'sev4' | 'total') => mine.reduce((n, s) => n + s.openIncidents[k], 0);
  return {
    ...fleet,
    sites: mine,
    totals: {
      sites: mine.length,
      health: { ok: count('ok'), degraded: count('degraded'), down: count('down') },
      openIncidents: { sev1: sum('sev1'), sev2: sum('sev2'), sev3: sum('sev3'), sev4: sum('sev4'), total: sum('total') },
      staff: mine.reduce((n, s) => n + s.staff, 0),
    },
  };
}
